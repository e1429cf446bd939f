import type { Order } from '../domain/order';
import { NotFoundError } from '../errors';
import type { Caller } from '../http/caller';
import type { OrderRepository } from '../ports/orders';

/** An order as its caller may see it: a storefront sees only the orders it placed (others are 404). */
export function makeGetOrder({ orders }: { orders: OrderRepository }) {
  return async (orderId: string, caller: Caller): Promise<Order> => {
    const order = await orders.get(orderId);
    const visible =
      order &&
      (caller.kind === 'staff' || (order.placedBy.kind === 'storefront' && order.placedBy.id === caller.id));
    if (!visible) throw new NotFoundError(`order ${orderId} not found`);
    return order;
  };
}
