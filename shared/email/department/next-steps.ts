import type { EventDetail, EventType } from '../../contracts/events';
import { type Formatter, isPositive } from '../format';

export const DEPARTMENTS = ['sales', 'finance', 'procurement', 'production', 'logistics'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

type NextStep<T extends EventType> = (detail: EventDetail<T>, fmt: Formatter) => string | undefined;
export type NextSteps = { [T in EventType]?: NextStep<T> };

const payments = (id: string) => `POST /orders/${id}/payments`;

/** Stalls: what the department that owns the wait does (WAIT_OWNER in shared/domain/waits.ts). */
const STALLED: Record<string, (id: string) => string> = {
  'credit-decision': (id) => `decide now: POST /orders/${id}/credit-decision.`,
  deposit: (id) => `chase the buyer for the deposit; record it: ${payments(id)}.`,
  balance: (id) => `chase the buyer for the balance; record it: ${payments(id)}.`,
  payment: (id) => `chase the buyer for the payment; record it: ${payments(id)}.`,
  stock: () => 'chase the supplier; record arrivals: POST /inventory/receipts.',
  packing: (id) => `finish packing and post it: POST /orders/${id}/packing.`,
  shipment: (id) => `book the shipment and post it: POST /orders/${id}/shipment.`,
  documents: (id) =>
    `fix the product data that holds the documents (GET /orders/${id}), then POST /orders/${id}/documents/retry.`,
  delivery: (id) =>
    `chase the carrier; post its updates (POST /orders/${id}/tracking-events) or the delivery (POST /orders/${id}/delivery).`,
};
const stalled: NextStep<'OrderStalled'> = (d) =>
  d.wait && STALLED[d.wait]
    ? STALLED[d.wait](d.orderId)
    : `a step failed or the workflow never ran: check the order's failure (GET /orders/${d.orderId}) and its execution; the sweep restarts orders that never started.`;

/**
 * What each department does next, per change it hears of. A department is emailed only when it has
 * something to do: a change it made itself (finance recording a payment, logistics posting the
 * shipment) or one that asks nothing of it is on the order's timeline, not in its mailbox. A type
 * missing for a department is one it does not act on; a step that answers undefined has nothing to
 * do for this particular change. Both skip the notice. Money that is merely expected (a deposit, a
 * balance, an invoice) is not news to finance: the buyer has the schedule and is asked for each payment;
 * finance hears when one is late (OrderStalled for the wait it owns), which is when it must act.
 */
export const NEXT_STEPS: Record<Department, NextSteps> = {
  sales: {
    OrderRejected: () => 'help the buyer correct and place the order again if they ask.',
    CreditHeld: () => 'finance decides; talk to the buyer if other terms (a deposit, an LC) would help.',
    ShipmentExceptionOpened: () =>
      'be ready to answer the buyer; agree a replacement or a claim with logistics if goods are damaged or lost.',
    OrderCancelled: () => 'make sure the buyer understands why, if the cancellation was not theirs.',
    OrderStalled: stalled,
    InquiryOverdue: (d) => `reply to the buyer's inquiry ${d.inquiryId} now: it is past its first-reply SLA.`,
    InquiryReceived: (d) =>
      `reply to the buyer within 24 h: POST /inquiries/${d.inquiryId}/replies (or send a quote for it).`,
    QuoteApprovalRequested: (d) =>
      `the sales managers were asked to review the prices and approve revision ${d.revision} (POST /quotes/${d.quoteId}/approve, role sales-manager); or revise the prices (POST /quotes/${d.quoteId}/revisions).`,
    QuoteExpiring: (d) =>
      `follow up with the buyer before it expires, or revise it (POST /quotes/${d.quoteId}/revisions) and send it again.`,
    CustomerUpdated: (d) =>
      d.fields.includes('owner') ? `the customer's owner changed: the new owner takes it over.` : undefined,
    DocumentChecksFailed: (d) =>
      `fix the product data (PATCH /products/{sku}): ${d.problems.join('; ')}; then issue the documents: POST /orders/${d.orderId}/documents/retry.`,
    StorefrontOrderUnprocessable: (d) =>
      `fix the storefront's SKU map or the order in the shop, then resend the webhook from the shop (storefront ${d.storefrontId}).`,
    BuyerEmailSuppressed: (d) =>
      `call the buyer (customer ${d.customerId}) for a working email address and update the customer; tell them what they missed.`,
  },
  finance: {
    CreditHeld: (d) => `approve or reject: POST /orders/${d.orderId}/credit-decision.`,
    PaymentReceived: (d, fmt) =>
      d.overpayment && isPositive(d.overpayment)
        ? `refund or credit the overpayment of ${fmt.money(d.overpayment)} to the buyer.`
        : undefined,
    OrderCancelled: (d, fmt) =>
      isPositive(d.refundDue)
        ? `refund ${fmt.money(d.refundDue)} to the buyer.`
        : 'stop chasing payments: nothing was received, so nothing is refunded.',
    OrderStalled: stalled,
    PaymentOverdue: (d, fmt) =>
      `chase the buyer for ${fmt.money(d.outstanding)}; record it: ${payments(d.orderId)}.`,
    CustomerUpdated: (d) =>
      d.fields.some((field) => field === 'creditLimit' || field === 'paymentTerms')
        ? `the customer's ${d.fields.filter((f) => f === 'creditLimit' || f === 'paymentTerms').join(' and ')} changed: later credit reviews use the new figures.`
        : undefined,
  },
  procurement: {
    ProcurementRequested: (d) =>
      `source ${d.quantityShort} × ${d.sku}; record the arrival: POST /inventory/receipts (waiting orders resume by themselves).`,
    ReplenishmentRequested: (d) =>
      `order ${d.quantity} × ${d.sku} for ${d.warehouse}: POST /purchase-orders with requestIds ["${d.requestId}"]; its receipt closes the request.`,
    OrderStalled: stalled,
  },
  production: {
    StockAllocated: (d) => `produce and pack; post the packing list: POST /orders/${d.orderId}/packing.`,
    OrderCancelled: () => 'stop work on this order; its reserved stock was released.',
    OrderStalled: stalled,
  },
  logistics: {
    OrderReadyToShip: (d) => `book the shipment and post it: POST /orders/${d.orderId}/shipment.`,
    ShipmentExceptionOpened: (d) =>
      `follow up with the carrier; post the update that resolves it: POST /orders/${d.orderId}/tracking-events.`,
    OrderCancelled: () => 'cancel any booking or pickup for this order.',
    OrderStalled: stalled,
  },
};
