import type { Money } from './money';
import { subtract, zero } from './money-math';
import type { Order, OrderStatus } from './order';
import { dueDate, type Installment, type InstallmentKind } from './payment-schedule';
import { allowsPartialShipments, fullyDelivered, lastDeliveredAt } from './shipments';

/**
 * What an order still owes, installment by installment, each with its due date once the lifecycle
 * has fixed it; and what it was paid beyond its total (a credit the customer holds with us).
 *
 * Due dates come from the payment terms through the lifecycle, as the workflow asks for the money:
 * - due on confirmation (a TT deposit, PREPAID): the day the order was confirmed;
 * - before shipment (a TT balance, an LC): the day the order began waiting for it (AWAITING_BALANCE),
 *   or the dispatch if it left without that wait; before either, it is scheduled but not yet due;
 * - at or after delivery (DP, DA, OA): from the delivery date and the terms' days.
 * Money fills the installments in the order they fall due, as record-payment applies it.
 */

export interface OpenInstallment {
  kind: InstallmentKind;
  label: string;
  amount: Money;
  /** What is still unpaid on it (more than zero). */
  outstanding: Money;
  /** ISO instant; absent while the lifecycle has not reached the point it falls due. */
  dueAt?: string;
}

export interface OrderReceivable {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  currency: string;
  total: Money;
  paid: Money;
  /** The installments not fully paid, in due order. */
  open: OpenInstallment[];
  /** Paid beyond the total: the customer's credit, until finance refunds or applies it. */
  credit?: Money;
}

/** Orders whose receivable is void: their money is a refund question (cancellation), not a debt. */
const VOID: ReadonlySet<OrderStatus> = new Set(['CANCELLED', 'REJECTED']);

/**
 * The order's receivable, or undefined when it has none: not yet confirmed (no schedule), void,
 * or fully paid with nothing over.
 */
export function receivableOf(order: Order): OrderReceivable | undefined {
  const schedule = order.paymentSchedule;
  if (!schedule || VOID.has(order.status)) return undefined;
  const paid = order.paid ?? zero(order.currency);
  let left = paid.minor;
  const open: OpenInstallment[] = [];
  for (const installment of schedule.installments) {
    const covered = Math.min(left, installment.amount.minor);
    left -= covered;
    if (covered >= installment.amount.minor) continue;
    const dueAt = dueAtOf(order, installment);
    open.push({
      kind: installment.kind,
      label: installment.label,
      amount: installment.amount,
      outstanding: { currency: installment.amount.currency, minor: installment.amount.minor - covered },
      ...(dueAt ? { dueAt } : {}),
    });
  }
  const over = subtract(paid, schedule.total);
  if (open.length === 0 && over.minor <= 0) return undefined;
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    status: order.status,
    currency: order.currency,
    total: schedule.total,
    paid,
    open,
    ...(over.minor > 0 ? { credit: over } : {}),
  };
}

/** What the whole order still owes (zero when paid or overpaid). */
export function outstandingOf(receivable: OrderReceivable): Money {
  let minor = 0;
  for (const installment of receivable.open) minor += installment.outstanding.minor;
  return { currency: receivable.currency, minor };
}

function dueAtOf(order: Order, installment: Installment): string | undefined {
  const { dueOn } = installment;
  if (dueOn === 'confirmation') return firstEntered(order, 'CONFIRMED');
  if (dueOn === 'before-shipment') {
    return firstEntered(order, 'AWAITING_BALANCE') ?? order.shipment?.dispatchedAt;
  }
  // An order shipped in parts settles as one: from the delivery of its last goods, once all arrived.
  if (allowsPartialShipments(order)) {
    const deliveredAt = fullyDelivered(order) ? lastDeliveredAt(order) : undefined;
    return deliveredAt ? dueDate(installment, deliveredAt) : undefined;
  }
  return order.delivery ? dueDate(installment, order.delivery.deliveredAt) : undefined;
}

function firstEntered(order: Order, status: OrderStatus): string | undefined {
  return order.timeline.find((entry) => entry.status === status)?.at;
}
