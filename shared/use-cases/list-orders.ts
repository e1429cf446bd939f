import type { ListOrdersQuery } from '../contracts/order-actions';
import type { Actor } from '../domain/order';
import { InvalidInputError } from '../errors';
import type { OrderPage, OrderRepository } from '../ports/orders';

/**
 * GET /orders: orders in a status (last changed first), a customer's orders (newest first), a
 * customer's orders in a status, or the orders with a shop's order id. Listing every order at once is
 * not served by any index, so one filter is required. A storefront lists only its own orders, by
 * their shop order ids.
 */
export function makeListOrders({ orders }: { orders: OrderRepository }) {
  return async (query: ListOrdersQuery, caller: Actor): Promise<OrderPage> => {
    const { status, customerId, externalRef, limit, nextToken } = query;
    if (caller.kind === 'storefront') {
      if (!externalRef || status || customerId) {
        throw new InvalidInputError(
          'a storefront lists its orders by the id its shop gave them: give externalRef (and no other filter)',
          'externalRef',
          'FILTER_REQUIRED',
        );
      }
      return orders.listByExternalRef(externalRef, { placedBy: caller.id, limit, nextToken });
    }
    if (externalRef) {
      if (status || customerId) {
        throw new InvalidInputError('externalRef is not combined with other filters', 'externalRef');
      }
      return orders.listByExternalRef(externalRef, { limit, nextToken });
    }
    if (customerId) return orders.listByCustomer(customerId, { status, limit, nextToken });
    if (status) return orders.listByStatus(status, { limit, nextToken, newestFirst: true });
    throw new InvalidInputError(
      'give status, customerId (or both) or externalRef: orders are listed by status, by customer or by shop order id, not all at once',
      'status',
      'FILTER_REQUIRED',
    );
  };
}
