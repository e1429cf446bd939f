import type { Actor, Order, OrderStatus } from '../domain/order';
import { ConcurrentUpdateError, NotFoundError } from '../errors';
import type { OrderRepository } from '../ports/orders';

/**
 * Read, change, write with the version condition; on a concurrent write, read again and re-apply
 * (the change is a pure function of the order). `change` returns undefined when nothing is to be
 * written, e.g. a retried step finding its work done.
 */
export async function updateOrder(
  orders: OrderRepository,
  orderId: string,
  change: (order: Order) => Order | undefined,
  attempts = 4,
): Promise<Order> {
  for (let attempt = 1; ; attempt++) {
    const current = await orders.get(orderId);
    if (!current) throw new NotFoundError(`order ${orderId} not found`);
    const next = change(current);
    if (!next) return current;
    try {
      await orders.save({ ...next, version: current.version + 1 });
      return { ...next, version: current.version + 1 };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= attempts) throw error;
    }
  }
}

/** The order with a timeline entry appended (and a new status when given). */
export function withEntry(
  order: Order,
  entry: { what: string; by: Actor; at: string; status?: OrderStatus; note?: string },
): Order {
  return {
    ...order,
    ...(entry.status ? { status: entry.status } : {}),
    updatedAt: entry.at,
    timeline: [
      ...order.timeline,
      {
        at: entry.at,
        what: entry.what,
        by: entry.by,
        ...(entry.status ? { status: entry.status } : {}),
        ...(entry.note ? { note: entry.note } : {}),
      },
    ],
  };
}

export const WORKFLOW: Actor = { kind: 'system', id: 'workflow' };
