import type { DomainEvent } from '../contracts/events';
import { assertTransition } from '../domain/lifecycle';
import { zero } from '../domain/money-math';
import type { Order, OrderStatus } from '../domain/order';
import { dueDate, fullyPaid } from '../domain/payment-schedule';
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
 * The workflow's plain status moves (no wait involved): credit refused, delivered, completed. A retry
 * finds the order already there and announces the same change again.
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
      if (current.status === status) return undefined;
      assertTransition(current.status, status);
      const at = clock.now().toISOString();
      const note = stage === 'rejected' ? current.creditReview?.finalDecision?.note : undefined;
      const extra = stage === 'delivered' ? { paymentDueAt: settlementDue(current) } : {};
      return withEntry(
        { ...current, ...extra, pendingWait: undefined },
        { at, by: WORKFLOW, what, status, note },
      );
    });
    await events.publish([announcement(order, stage)]);
    const owed =
      Boolean(order.paymentSchedule) &&
      !fullyPaid(order.paymentSchedule!, order.paid ?? zero(order.currency));
    return { status: order.status, owed };
  };
}

/** The latest due date of what is paid after delivery (OA net days, DA days, DP at delivery). */
function settlementDue(order: Order): string | undefined {
  const deliveredAt = order.delivery?.deliveredAt;
  if (!deliveredAt || !order.paymentSchedule) return undefined;
  const dates = order.paymentSchedule.installments
    .map((installment) => dueDate(installment, deliveredAt))
    .filter(Boolean) as string[];
  return dates.sort().at(-1);
}

function announcement(order: Order, stage: Stage): DomainEvent {
  const at =
    [...order.timeline].reverse().find((entry) => entry.status === order.status)?.at ?? order.updatedAt;
  const base = {
    version: 1 as const,
    occurredAt: at,
    orderId: order.orderId,
    changeId: `${order.orderId}:${order.status}`,
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
    case 'delivered':
      return {
        type: 'OrderDelivered',
        detail: { ...base, customerId: order.customerId, deliveredAt: order.delivery?.deliveredAt ?? at },
      };
    case 'completed':
      return {
        type: 'OrderCompleted',
        detail: { ...base, customerId: order.customerId, total: moneyOut(order.total) },
      };
  }
}
