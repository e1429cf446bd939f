import type { DomainEvent } from '../contracts/events';
import { assertTransition } from '../domain/lifecycle';
import { zero } from '../domain/money-math';
import type { Order, OrderStatus } from '../domain/order';
import { dueDate, fullyPaid } from '../domain/payment-schedule';
import { isSplit, lastDeliveredAt, lastRecordedDelivery } from '../domain/shipments';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import { moneyOut } from './money-view';
import { OrderCancelledError } from './order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

export type Stage = 'rejected' | 'delivered' | 'completed';

const TARGET: Record<Stage, { status: OrderStatus; what: string }> = {
  rejected: { status: 'REJECTED', what: 'Order rejected: credit refused' },
  delivered: { status: 'DELIVERED', what: 'Delivered' },
  completed: { status: 'COMPLETED', what: 'Order completed' },
};

/**
 * The workflow's plain status moves (no wait involved): credit refused, delivered, completed. An order
 * delivered with nothing owed is completed in the same write (both announced). A retry finds the order
 * already there and announces the same changes again (same changeIds).
 */
export function makeAdvanceOrder({
  orders,
  events,
  clock,
}: {
  orders: OrderRepository;
  events: EventPublisher;
  clock: Clock;
}) {
  return async (orderId: string, stage: Stage): Promise<{ status: OrderStatus; owed: boolean }> => {
    const { status, what } = TARGET[stage];
    const order = await updateOrder(orders, orderId, (current) => {
      if (current.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
      // Delivered with nothing owed was completed in the same write: a retry finds it done.
      if (current.status === status || (stage === 'delivered' && current.status === 'COMPLETED'))
        return undefined;
      assertTransition(current.status, status);
      const at = clock.now().toISOString();
      const note = stage === 'rejected' ? current.creditReview?.finalDecision?.note : undefined;
      const extra = stage === 'delivered' ? { paymentDueAt: settlementDue(current) } : {};
      const moved = withEntry(
        { ...current, ...extra, pendingWait: undefined },
        { at, by: WORKFLOW, what, status, note },
      );
      // Nothing left to pay: completed now, not by a later step (one state transition fewer per order).
      return stage === 'delivered' && !owes(moved)
        ? withEntry(moved, { at, by: WORKFLOW, what: TARGET.completed.what, status: TARGET.completed.status })
        : moved;
    });
    const completedNow = stage === 'delivered' && order.status === 'COMPLETED';
    await events.publish([
      announcement(order, stage),
      ...(completedNow ? [announcement(order, 'completed')] : []),
    ]);
    return { status: order.status, owed: owes(order) };
  };
}

const owes = (order: Order): boolean =>
  Boolean(order.paymentSchedule) && !fullyPaid(order.paymentSchedule!, order.paid ?? zero(order.currency));

/**
 * The latest due date of what is paid after delivery (OA net days, DA days, DP at delivery). An order
 * shipped in parts settles as one, counted from the delivery of its last goods.
 */
function settlementDue(order: Order): string | undefined {
  const deliveredAt = lastDeliveredAt(order) ?? order.delivery?.deliveredAt;
  if (!deliveredAt || !order.paymentSchedule) return undefined;
  const dates = order.paymentSchedule.installments
    .map((installment) => dueDate(installment, deliveredAt))
    .filter(Boolean) as string[];
  return dates.sort().at(-1);
}

function announcement(order: Order, stage: Stage): DomainEvent {
  const { status } = TARGET[stage];
  const at = [...order.timeline].reverse().find((entry) => entry.status === status)?.at ?? order.updatedAt;
  const base = {
    version: 1 as const,
    occurredAt: at,
    orderId: order.orderId,
    changeId: `${order.orderId}:${status}`,
  };
  switch (stage) {
    case 'rejected':
      return {
        type: 'OrderRejected',
        detail: {
          ...base,
          customerId: order.customerId,
          reasons: [order.creditReview?.finalDecision?.note ?? 'credit refused by finance'],
        },
      };
    case 'delivered': {
      // An order shipped in parts: the shipment whose delivery completed it.
      const last = isSplit(order) ? lastRecordedDelivery(order) : undefined;
      return {
        type: 'OrderDelivered',
        detail: {
          ...base,
          customerId: order.customerId,
          deliveredAt: last?.delivery.deliveredAt ?? order.delivery?.deliveredAt ?? at,
          ...(last ? { shipmentNo: last.shipmentNo } : {}),
        },
      };
    }
    case 'completed':
      return {
        type: 'OrderCompleted',
        detail: { ...base, customerId: order.customerId, total: moneyOut(order.total) },
      };
  }
}
