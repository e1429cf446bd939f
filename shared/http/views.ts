import type { Customer } from '../domain/customer';
import { formatAmount, type Money } from '../domain/money';
import { subtract, zero } from '../domain/money-math';
import type { Order } from '../domain/order';
import type { OrderSummary } from '../domain/order-summary';
import type { Installment } from '../domain/payment-schedule';
import { transportDocumentName } from '../domain/shipment';
import { WAIT_STATUS } from '../domain/waits';
import { shipmentViewFields } from './shipment-views';

/**
 * The API's shapes: money as decimal strings, never minor units. Amounts in the order's currency are
 * bare strings; money that may be in another currency (a credit limit) is `{ amount, currency }`.
 */

const amount = (money: Money) => formatAmount(money);
const money = (value: Money) => ({ amount: formatAmount(value), currency: value.currency });

export function customerView(customer: Customer) {
  const { creditLimit, ...rest } = customer;
  return {
    ...rest,
    ...(creditLimit ? { creditLimit: { amount: amount(creditLimit), currency: creditLimit.currency } } : {}),
  };
}

/** Who reads the order: staff see everything; a storefront does not see the credit review's figures. */
export type Audience = 'staff' | 'storefront';

export function orderView(order: Order, audience: Audience = 'staff') {
  const paid = order.paid ?? zero(order.currency);
  const owed = subtract(order.total, paid);
  const exception = order.status === 'IN_TRANSIT' ? order.tracking?.exception?.type : undefined;
  const wait = order.pendingWait;
  return {
    orderId: order.orderId,
    status: order.status,
    ...(exception ? { exception } : {}),
    ...(wait && WAIT_STATUS[wait.kind] === order.status
      ? {
          waitingFor: wait.kind,
          waitingSince: wait.since,
          // When the wait's next escalation is due (its SLA; locally compressed by the time scale).
          ...(wait.dueAt ? { waitDueAt: wait.dueAt } : {}),
          // How many escalation levels this wait has raised (the console marks the order stalled).
          ...(wait.escalatedLevel ? { escalatedLevel: wait.escalatedLevel } : {}),
        }
      : {}),
    customerId: order.customerId,
    currency: order.currency,
    incoterm: order.incoterm,
    paymentTerms: order.paymentTerms,
    lines: order.lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: amount(line.unitPrice),
      amount: amount(line.amount),
    })),
    totals: { goods: amount(order.total), total: amount(order.total) },
    shippingAddress: order.shippingAddress,
    ...(order.buyerPo ? { buyerPo: order.buyerPo } : {}),
    ...(order.externalRef ? { externalRef: order.externalRef } : {}),
    ...(order.promisedDate ? { promisedDate: order.promisedDate } : {}),
    ...(order.externalName ? { externalName: order.externalName } : {}),
    ...(order.problems ? { problems: order.problems } : {}),
    ...(order.failure ? { failure: order.failure } : {}),
    ...(order.creditReview && audience === 'staff'
      ? { creditReview: creditReviewView(order.creditReview) }
      : {}),
    ...(order.paymentSchedule
      ? { paymentSchedule: { installments: installmentsView(order.paymentSchedule.installments, paid) } }
      : {}),
    payments: (order.payments ?? []).map((payment) => ({
      amount: amount(payment.amount),
      reference: payment.reference,
      receivedAt: payment.receivedAt,
      by: payment.by,
    })),
    paid: amount(paid),
    outstanding: amount(owed.minor > 0 ? owed : zero(order.currency)),
    ...(owed.minor < 0 ? { overpaid: amount({ currency: order.currency, minor: -owed.minor }) } : {}),
    ...(order.paymentDueAt ? { paymentDueAt: order.paymentDueAt } : {}),
    ...(order.reservations ? { reservations: order.reservations } : {}),
    ...(order.shortfalls?.length ? { shortfalls: order.shortfalls } : {}),
    ...(order.packages ? { packages: order.packages } : {}),
    ...(order.packingTotals ? { packingTotals: order.packingTotals } : {}),
    ...(order.shipment
      ? { shipment: { ...order.shipment, transportDocument: transportDocumentName(order.shipment.mode) } }
      : {}),
    ...(order.tracking
      ? {
          tracking: {
            eta: order.tracking.eta,
            ...(order.tracking.exception ? { exception: order.tracking.exception } : {}),
            ...(order.tracking.lastEventAt ? { lastEventAt: order.tracking.lastEventAt } : {}),
            events: order.trackingEvents ?? [],
          },
        }
      : {}),
    ...(order.delivery ? { delivery: order.delivery } : {}),
    // Partial shipments: allowPartialShipments, every shipment, the backorder (shipment-views.ts).
    ...shipmentViewFields(order),
    // The newest version of each trade document (GET /orders/{id}/documents lists every version).
    ...(order.documents?.length ? { documents: order.documents } : {}),
    // Documents held by a failed check: a task for sales.
    ...(order.documentTasks?.length
      ? {
          documentTasks: order.documentTasks.map(({ set, summary, problems, since }) => ({
            set,
            summary,
            problems,
            since,
          })),
        }
      : {}),
    ...(order.cancellation
      ? { cancellation: { ...order.cancellation, refundDue: amount(order.cancellation.refundDue) } }
      : {}),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    timeline: order.timeline,
  };
}

/** A line of a listing: enough to pick the order and see where it stands. */
export function orderSummaryView(order: OrderSummary) {
  return {
    orderId: order.orderId,
    status: order.status,
    ...(order.exception ? { exception: order.exception } : {}),
    ...(order.waitingFor ? { waitingFor: order.waitingFor } : {}),
    ...(order.waitDueAt ? { waitDueAt: order.waitDueAt } : {}),
    ...(order.escalatedLevel ? { escalatedLevel: order.escalatedLevel } : {}),
    ...(order.destinationCountry ? { destinationCountry: order.destinationCountry } : {}),
    customerId: order.customerId,
    currency: order.currency,
    total: amount(order.total),
    paid: amount(order.paid),
    incoterm: order.incoterm,
    ...(order.buyerPo ? { buyerPo: order.buyerPo } : {}),
    ...(order.externalRef ? { externalRef: order.externalRef } : {}),
    ...(order.failed ? { failed: true } : {}),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

function creditReviewView(review: NonNullable<Order['creditReview']>) {
  return {
    decision: review.decision,
    reason: review.reason,
    terms: review.terms,
    creditNeeded: review.creditNeeded,
    ...(review.limit ? { limit: money(review.limit) } : {}),
    outstanding: money(review.outstanding),
    orderExposure: money(review.orderExposure),
    ...(review.totalExposure ? { totalExposure: money(review.totalExposure) } : {}),
    ...(review.headroom ? { headroom: money(review.headroom) } : {}),
    at: review.at,
    ...(review.finalDecision ? { finalDecision: review.finalDecision } : {}),
  };
}

/** Each installment with whether what was paid covers it (money fills installments in due order). */
function installmentsView(installments: readonly Installment[], paid: Money) {
  let cumulative = 0;
  return installments.map((installment) => {
    cumulative += installment.amount.minor;
    return {
      kind: installment.kind,
      label: installment.label,
      amount: amount(installment.amount),
      dueOn: installment.dueOn,
      covered: paid.minor >= cumulative,
    };
  });
}
