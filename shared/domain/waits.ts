import { zero } from './money-math';
import type { Order, OrderStatus, WaitKind } from './order';
import { depositCovered, fullyPaid } from './payment-schedule';
import { dueBeforeShipment } from './shipment-payments';
import { fullyDelivered } from './shipments';

/** The status an order shows while the workflow waits. */
export const WAIT_STATUS: Record<WaitKind, OrderStatus> = {
  'credit-decision': 'CREDIT_HOLD',
  deposit: 'AWAITING_DEPOSIT',
  stock: 'AWAITING_STOCK',
  packing: 'IN_PRODUCTION',
  balance: 'AWAITING_BALANCE',
  shipment: 'READY_TO_SHIP',
  delivery: 'IN_TRANSIT',
  payment: 'AWAITING_PAYMENT',
  // Held after packing, before the balance and shipment: the order stays in production meanwhile.
  documents: 'IN_PRODUCTION',
};

/** Who is chased when a wait runs past its time. */
export const WAIT_OWNER: Record<WaitKind, string> = {
  'credit-decision': 'finance',
  deposit: 'finance',
  stock: 'procurement',
  packing: 'production',
  balance: 'finance',
  shipment: 'logistics',
  delivery: 'logistics',
  payment: 'finance',
  documents: 'sales',
};

export type WaitOutcome = { satisfied: false } | { satisfied: true; output: Record<string, unknown> };

/**
 * Whether what a wait is for has already happened, read from the order alone (stock also needs to
 * know whether the short units are now on hand). Both the wait's start and the API call that ends it
 * ask this, so the order of the two never matters: money that arrives before the workflow asks for
 * it, or a packing list posted while a timed-out wait is being re-entered, still ends the wait.
 */
export function waitOutcome(order: Order, kind: WaitKind, stockNowAvailable = false): WaitOutcome {
  const paid = order.paid ?? zero(order.currency);
  const schedule = order.paymentSchedule;
  switch (kind) {
    case 'credit-decision': {
      const decision = order.creditReview?.finalDecision?.decision;
      return decision ? { satisfied: true, output: { decision } } : { satisfied: false };
    }
    case 'deposit':
      return schedule && depositCovered(schedule, paid) ? done({ paid }) : { satisfied: false };
    case 'balance':
      // An order shipped in parts pays before each shipment in step with the goods (shipment-payments.ts).
      return schedule && paid.minor >= dueBeforeShipment(order, schedule).minor
        ? done({ paid })
        : { satisfied: false };
    case 'payment':
      return schedule && fullyPaid(schedule, paid) ? done({ paid }) : { satisfied: false };
    case 'stock':
      return stockNowAvailable ? done({}) : { satisfied: false };
    case 'packing':
      return order.packages?.length ? done({ packages: order.packages.length }) : { satisfied: false };
    case 'shipment':
      return order.shipment ? done({ trackingNumber: order.shipment.trackingNumber }) : { satisfied: false };
    case 'delivery':
      // Every shipment of an order shipped in parts (an ordinary order's one delivery).
      return fullyDelivered(order) && order.delivery
        ? done({ deliveredAt: order.delivery.deliveredAt })
        : { satisfied: false };
    case 'documents':
      return order.documentTasks?.some((task) => task.set === 'shipping')
        ? { satisfied: false }
        : done({ documents: order.documents?.length ?? 0 });
  }
}

function done(output: Record<string, unknown>): WaitOutcome {
  return { satisfied: true, output: JSON.parse(JSON.stringify(output)) };
}
