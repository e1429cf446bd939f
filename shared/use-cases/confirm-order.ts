import type { DomainEvent } from '../contracts/events';
import { assertTransition } from '../domain/lifecycle';
import type { Order } from '../domain/order';
import { asksForPaymentBy, paymentSchedule } from '../domain/payment-schedule';
import { describeTerms } from '../domain/payment-terms';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import { moneyOut } from './money-view';
import { OrderCancelledError } from './order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

/**
 * CONFIRMED, with the payment schedule the terms give; tells the workflow which payment waits
 * follow. A retry finds it confirmed and announces the same change again (same changeId).
 */
export function makeConfirmOrder({
  orders,
  events,
  clock,
}: {
  orders: OrderRepository;
  events: EventPublisher;
  clock: Clock;
}) {
  return async (orderId: string, read?: Order): Promise<{ needsDeposit: boolean; needsBalance: boolean }> => {
    const order = await updateOrder(
      orders,
      orderId,
      (current) => {
        if (current.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
        if (current.paymentSchedule) return undefined;
        assertTransition(current.status, 'CONFIRMED');
        const at = clock.now().toISOString();
        return withEntry(
          { ...current, paymentSchedule: paymentSchedule(current.paymentTerms, current.total) },
          { at, by: WORKFLOW, what: 'Order confirmed', status: 'CONFIRMED' },
        );
      },
      read,
    );
    const schedule = order.paymentSchedule!;
    await events.publish([confirmed(order)]);
    return {
      needsDeposit: asksForPaymentBy(schedule, 'deposit'),
      needsBalance: asksForPaymentBy(schedule, 'balance'),
    };
  };
}

function confirmed(order: Order): DomainEvent {
  const schedule = order.paymentSchedule!;
  const confirmedAt =
    [...order.timeline].reverse().find((entry) => entry.status === 'CONFIRMED')?.at ?? order.updatedAt;
  return {
    type: 'OrderConfirmed',
    detail: {
      version: 1,
      changeId: `${order.orderId}:OrderConfirmed`,
      occurredAt: confirmedAt,
      orderId: order.orderId,
      customerId: order.customerId,
      total: moneyOut(order.total),
      paymentTerms: describeTerms(order.paymentTerms),
      installments: schedule.installments.map((installment) => ({
        kind: installment.kind,
        amount: moneyOut(installment.amount),
        dueOn:
          typeof installment.dueOn === 'string'
            ? installment.dueOn
            : `${installment.dueOn.daysAfterDelivery} days after delivery`,
        label: installment.label,
      })),
    },
  };
}
