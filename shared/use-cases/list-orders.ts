import type { ListOrdersQuery } from '../contracts/order-actions';
import { InvalidInputError } from '../errors';
import type { OrderPage, OrderRepository } from '../ports/orders';

/**
 * GET /orders (staff): orders in a status (last changed first), a customer's orders (newest first),
 * or a customer's orders in a status. Listing every order at once is not served by any index, so one
 * of the two filters is required.
 */
export function makeListOrders({ orders }: { orders: OrderRepository }) {
  return async (query: ListOrdersQuery): Promise<OrderPage> => {
    const { status, customerId, limit, nextToken } = query;
    if (customerId) return orders.listByCustomer(customerId, { status, limit, nextToken });
    if (status) return orders.listByStatus(status, { limit, nextToken, newestFirst: true });
    throw new InvalidInputError(
      'give status or customerId (or both): orders are listed by status or by customer, not all at once',
      'status',
      'FILTER_REQUIRED',
    );
  };
}
