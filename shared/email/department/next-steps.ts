import type { EventDetail, EventType } from '../../contracts/events';
import { type Formatter, isPositive } from '../format';

export const DEPARTMENTS = ['sales', 'finance', 'procurement', 'production', 'logistics'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

type NextStep<T extends EventType> = (detail: EventDetail<T>, fmt: Formatter) => string;
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
  delivery: (id) =>
    `chase the carrier; post its updates (POST /orders/${id}/tracking-events) or the delivery (POST /orders/${id}/delivery).`,
};
const stalled: NextStep<'OrderStalled'> = (d) =>
  d.wait && STALLED[d.wait]
    ? STALLED[d.wait](d.orderId)
    : `a step failed or the workflow never ran: check the order's failure (GET /orders/${d.orderId}) and its execution; the sweep restarts orders that never started.`;

/**
 * What each department does next, per change it hears of. A type missing for a department is one it
 * does not act on: its notice is skipped.
 */
export const NEXT_STEPS: Record<Department, NextSteps> = {
  sales: {
    OrderRejected: () => 'help the buyer correct and place the order again if they ask.',
    CreditHeld: () => 'finance decides; talk to the buyer if other terms (a deposit, an LC) would help.',
    OrderConfirmed: () => 'nothing to do; the buyer has the confirmation and the payment schedule.',
    ShipmentExceptionOpened: () =>
      'be ready to answer the buyer; agree a replacement or a claim with logistics if goods are damaged or lost.',
    OrderCancelled: () => 'make sure the buyer understands why, if the cancellation was not theirs.',
    OrderCompleted: () => 'nothing to do; a good moment to follow up with the buyer.',
    OrderStalled: stalled,
  },
  finance: {
    CreditHeld: (d) => `approve or reject: POST /orders/${d.orderId}/credit-decision.`,
    OrderConfirmed: (d) => `expect the payments in the schedule; record each: ${payments(d.orderId)}.`,
    DepositReceived: () => 'nothing to do; stock allocation and production start.',
    PaymentReceived: (d, fmt) =>
      d.overpayment && isPositive(d.overpayment)
        ? `refund or credit the overpayment of ${fmt.money(d.overpayment)} to the buyer.`
        : isPositive(d.outstanding)
          ? `${fmt.money(d.outstanding)} is still owed; record further payments: ${payments(d.orderId)}.`
          : 'nothing to do; the order is paid in full.',
    OrderDelivered: (d) =>
      `settlement starts: collect what is still owed per the terms; record it: ${payments(d.orderId)}.`,
    PaymentDue: (d, fmt) =>
      `chase the buyer if it has not arrived by ${fmt.date(d.dueAt)}; record it: ${payments(d.orderId)}.`,
    OrderCompleted: () => 'nothing to do; paid in full and closed.',
    OrderCancelled: (d, fmt) =>
      isPositive(d.refundDue)
        ? `refund ${fmt.money(d.refundDue)} to the buyer.`
        : 'nothing to refund; no money was received.',
    OrderStalled: stalled,
  },
  procurement: {
    ProcurementRequested: (d) =>
      `source ${d.quantityShort} × ${d.sku}; record the arrival: POST /inventory/receipts (waiting orders resume by themselves).`,
    OrderStalled: stalled,
  },
  production: {
    StockAllocated: (d) => `produce and pack; post the packing list: POST /orders/${d.orderId}/packing.`,
    OrderPacked: () => 'nothing more to do; logistics ships once the terms allow.',
    OrderCancelled: () => 'stop work on this order; its reserved stock was released.',
    OrderStalled: stalled,
  },
  logistics: {
    OrderReadyToShip: (d) => `book the shipment and post it: POST /orders/${d.orderId}/shipment.`,
    ShipmentDispatched: (d) =>
      `post carrier updates (POST /orders/${d.orderId}/tracking-events) and, on arrival, the delivery (POST /orders/${d.orderId}/delivery).`,
    ShipmentExceptionOpened: (d) =>
      `follow up with the carrier; post the update that resolves it: POST /orders/${d.orderId}/tracking-events.`,
    ShipmentExceptionResolved: () => 'nothing to do; keep tracking until delivery.',
    OrderDelivered: () => 'nothing more to do; file the proof of delivery.',
    OrderCancelled: () => 'cancel any booking or pickup for this order.',
    OrderStalled: stalled,
  },
};
