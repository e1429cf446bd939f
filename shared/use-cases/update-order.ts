import type { Actor, Order, OrderStatus } from '../domain/order';
import { NotFoundError } from '../errors';
import type { OrderRepository } from '../ports/orders';
import { retryOnConflict } from './retry-on-conflict';

/**
 * Read, change, write with the version condition; on a concurrent write, read again and re-apply
 * (the change is a pure function of the order). `change` returns undefined when nothing is to be
 * written, e.g. a retried step finding its work done. `read`: the order as the caller just read it,
 * used for the first attempt instead of reading it again (the version condition still guards the
 * write; a stale copy only costs a retry with a fresh read).
 */
export async function updateOrder(
  orders: OrderRepository,
  orderId: string,
  change: (order: Order) => Order | undefined,
  read?: Order,
): Promise<Order> {
  let first = read;
  return retryOnConflict(async () => {
    const current = first ?? (await orders.get(orderId));
    first = undefined;
    if (!current) throw new NotFoundError(`order ${orderId} not found`);
    const next = change(current);
    if (!next) return current;
    await orders.save({ ...next, version: current.version + 1 });
    return { ...next, version: current.version + 1 };
  });
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
