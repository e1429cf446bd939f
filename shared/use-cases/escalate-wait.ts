import type { WaitKind } from '../domain/order';
import type { OrderRepository } from '../ports/orders';
import { OrderCancelledError } from './order-cancelled-error';

export interface EscalateWaitDeps {
  orders: OrderRepository;
}

/**
 * A wait's task timed out. The escalation levels belong to the escalation sweep (SLA due times on the
 * business calendar, escalate-overdue-waits.ts): the timeout is only a backstop that keeps every wait
 * bounded, and the workflow re-enters the same wait (begin-wait keeps its start, its levels and its
 * next due time). Nothing is raised here, so no level can fire twice. A cancelled order goes to
 * compensation, as from any step.
 */
export function makeEscalateWait({ orders }: EscalateWaitDeps) {
  return async (orderId: string, wait: WaitKind): Promise<{ level: number }> => {
    const order = await orders.get(orderId);
    if (order?.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
    const level = order?.pendingWait?.kind === wait ? (order.pendingWait.escalatedLevel ?? 0) : 0;
    return { level };
  };
}
