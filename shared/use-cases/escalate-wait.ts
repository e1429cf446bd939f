import type { WaitKind } from '../domain/order';
import { WAIT_OWNER } from '../domain/waits';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import { OrderCancelledError } from './order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

/**
 * A wait's timeout: one level up (1 the owning department, then higher), on the timeline and as
 * OrderStalled. The level is counted once per timed-out token, so a retried step does not skip one.
 */
export function makeEscalateWait({
  orders,
  events,
  clock,
}: {
  orders: OrderRepository;
  events: EventPublisher;
  clock: Clock;
}) {
  return async (orderId: string, wait: WaitKind): Promise<{ level: number }> => {
    const at = clock.now().toISOString();
    const order = await updateOrder(orders, orderId, (current) => {
      if (current.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
      if (current.pendingWait?.kind === wait && current.pendingWait.escalatedLevel) return undefined;
      const level = (current.escalations?.[wait] ?? 0) + 1;
      const pendingWait =
        current.pendingWait?.kind === wait
          ? { ...current.pendingWait, escalatedLevel: level }
          : current.pendingWait;
      return withEntry(
        { ...current, pendingWait, escalations: { ...current.escalations, [wait]: level } },
        { at, by: WORKFLOW, what: `Escalated to level ${level}: ${wait} is overdue (${WAIT_OWNER[wait]})` },
      );
    });
    const level = order.escalations?.[wait] ?? 1;
    await events.publish([
      {
        type: 'OrderStalled',
        detail: {
          version: 1,
          changeId: `${orderId}:stalled:${wait}:${level}`,
          occurredAt: at,
          orderId,
          status: order.status,
          since: order.pendingWait?.since ?? at,
          level,
          reason: `${wait} is overdue; ${WAIT_OWNER[wait]} is asked to act`,
          wait,
        },
      },
    ]);
    return { level };
  };
}
