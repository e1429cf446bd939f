import type { DomainEvent } from '../../contracts/events';
import type { RecordPaymentBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import { formatAmount, type Money, parseAmount, sum } from '../../domain/money';
import { zero } from '../../domain/money-math';
import type { Actor, Order, PaymentRecord } from '../../domain/order';
import { applyPayment, type PaymentSchedule, paymentSchedule } from '../../domain/payment-schedule';
import { ConflictError } from '../../errors';
import { moneyOut } from '../money-view';
import { type ActionResult, changed, eventBase, type OrderActionDeps, runOrderAction } from '../order-action';

/**
 * POST /orders/{id}/payments (finance): money received. Partial and over payments are kept; money
 * fills the installments in the order they fall due. Announces PaymentReceived, and DepositReceived
 * with the payment that covers the deposit; then the workflow's wait for money ends if it is covered.
 * A reference already recorded is the same payment again: 200 with the order unchanged.
 */
export function makeRecordPayment(deps: OrderActionDeps) {
  return (orderId: string, body: RecordPaymentBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: RecordPaymentBody, by: Actor, now: string): ActionResult {
  const amount = parseAmount(body.amount, body.currency);
  const payments = order.payments ?? [];
  const index = payments.findIndex((payment) => payment.reference === body.reference);
  if (index >= 0) {
    const earlier = payments[index].amount;
    if (earlier.currency !== amount.currency || earlier.minor !== amount.minor) {
      throw new ConflictError(
        `payment ${body.reference} is already recorded, for ${show(earlier)}; a different payment needs its own reference`,
        order.status,
      );
    }
    return { kind: 'repeated', events: paymentEvents(order, index) };
  }

  assertActionAllowed('payment', order.status);
  const application = applyPayment(scheduleOf(order), order.paid ?? zero(order.currency), amount);
  const record: PaymentRecord = { amount, reference: body.reference, receivedAt: now, by };
  const overpaid = application.overpayment.minor > 0 ? `; overpaid ${show(application.overpayment)}` : '';
  const next = changed(
    order,
    { payments: [...payments, record], paid: application.paid },
    {
      what: `Payment received: ${show(amount)} (reference ${body.reference})`,
      note: `paid ${show(application.paid)} of ${show(order.total)}; outstanding ${show(application.outstanding)}${overpaid}`,
      by,
      at: now,
    },
  );
  return { kind: 'changed', order: next, events: paymentEvents(next, payments.length) };
}

/** The schedule the order was confirmed with (or, before that is stored, the one its terms give). */
function scheduleOf(order: Order): PaymentSchedule {
  return order.paymentSchedule ?? paymentSchedule(order.paymentTerms, order.total);
}

/**
 * The events of the payment at `index`, computed from the payments before it, so a repeat of the
 * request publishes exactly what the first one did.
 */
function paymentEvents(order: Order, index: number): DomainEvent[] {
  const payments = order.payments ?? [];
  const payment = payments[index];
  const before = sum(
    order.currency,
    payments.slice(0, index).map((earlier) => earlier.amount),
  );
  const application = applyPayment(scheduleOf(order), before, payment.amount);
  const coversDeposit = application.newlyCovered.some((installment) => installment.kind === 'deposit');
  const events: DomainEvent[] = [
    {
      type: 'PaymentReceived',
      detail: {
        ...eventBase(order, `${order.orderId}:payment:${payment.reference}`, payment.receivedAt),
        customerId: order.customerId,
        amount: moneyOut(payment.amount),
        reference: payment.reference,
        paid: moneyOut(application.paid),
        outstanding: moneyOut(application.outstanding),
        ...(application.overpayment.minor > 0 ? { overpayment: moneyOut(application.overpayment) } : {}),
        ...(coversDeposit ? { coversDeposit: true as const } : {}),
      },
    },
  ];
  if (coversDeposit) {
    events.push({
      type: 'DepositReceived',
      detail: {
        ...eventBase(order, `${order.orderId}:DepositReceived`, payment.receivedAt),
        customerId: order.customerId,
        paid: moneyOut(application.paid),
      },
    });
  }
  return events;
}

const show = (value: Money) => `${value.currency} ${formatAmount(value)}`;
