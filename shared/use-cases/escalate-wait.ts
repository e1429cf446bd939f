import type { Order, WaitKind } from '../domain/order';
import { WAIT_OWNER } from '../domain/waits';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import { OrderCancelledError } from './order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

/** Carriers are late: a shipment is overdue this long after its ETA (the lifecycle issue's grace). */
export const DELIVERY_GRACE_MS = 3 * 86_400_000;

/**
 * When a wait with a date of its own is overdue: the payment at its due date, the delivery at the ETA
 * plus the grace period. Other waits are overdue at their timeout. Undefined: no date to wait for.
 */
function overdueAt(order: Order, wait: WaitKind): number | undefined {
  if (wait === 'payment' && order.paymentDueAt) return Date.parse(order.paymentDueAt);
  const eta = order.tracking?.eta ?? order.shipment?.eta;
  if (wait === 'delivery' && eta) return Date.parse(eta) + DELIVERY_GRACE_MS;
  return undefined;
}

export interface EscalateWaitDeps {
  orders: OrderRepository;
  events: EventPublisher;
  clock: Clock;
  /** How many times faster SLA clocks run locally (TRADEFLOW_TIME_SCALE); 1 on AWS. */
  timeScale?: number;
}

/**
 * A wait's timeout: one level up (1 the owning department, then higher), on the timeline and as
 * OrderStalled. The level is counted once per timed-out token, so a retried step does not skip one.
 * The payment and delivery waits time out daily, as a check: before their own date (payment due,
 * ETA + grace) they just wait again, quietly.
 */
export function makeEscalateWait({ orders, events, clock, timeScale = 1 }: EscalateWaitDeps) {
  return async (orderId: string, wait: WaitKind): Promise<{ level: number }> => {
    const at = clock.now().toISOString();
    const before = await orders.get(orderId);
    const due = before && overdueAt(before, wait);
    if (before && due !== undefined) {
      // Workflow time: the wait's start plus the time since, compressed by the time scale locally.
      const since = Date.parse(before.pendingWait?.since ?? at);
      if (since + (Date.parse(at) - since) * timeScale < due) return { level: 0 };
    }
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
