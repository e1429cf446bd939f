import type { Money } from './money';
import { add, zero } from './money-math';
import type { Order } from './order';
import { amountDueBy, type PaymentSchedule } from './payment-schedule';
import {
  allowsPartialShipments,
  remainingToShip,
  shipmentLines,
  shippedValue,
  toPackNow,
  unitsValue,
} from './shipments';

/**
 * What must be paid before the current shipment may leave.
 *
 * An ordinary order: everything due before shipment (the deposit and the balance of TT, an LC's
 * whole amount). An order shipped in parts pays the before-shipment money in step with the goods:
 * everything due on confirmation, plus the before-shipment installments' share of the value shipped
 * up to and including this shipment. For TT that is the deposit plus the balance share of what has
 * shipped — the same as "the value shipped so far plus the deposit percentage of the value still to
 * ship" — and for the last shipment the whole total, as for an ordinary order. Rounding: the share
 * NOT yet due is rounded half up, so the last shipment asks exactly for the rest.
 */
export function dueBeforeShipment(order: Order, schedule: PaymentSchedule): Money {
  const full = amountDueBy(schedule, 'balance');
  if (!allowsPartialShipments(order)) return full;
  const currency = schedule.total.currency;
  const onConfirmation = installmentsDue(schedule, 'confirmation');
  const beforeShipment = installmentsDue(schedule, 'before-shipment');
  const total = schedule.total.minor;
  const shippedThrough = add(shippedValue(order), unitsValue(order, thisShipment(order)));
  const unshipped = Math.max(0, total - shippedThrough.minor);
  if (total <= 0 || unshipped === 0) return full;
  const notYetDue = Number(
    (BigInt(beforeShipment.minor) * BigInt(unshipped) * 2n + BigInt(total)) / (2n * BigInt(total)),
  );
  return { currency, minor: onConfirmation.minor + beforeShipment.minor - notYetDue };
}

/** The units of the shipment being prepared: packed if it is, else what is allocated to it. */
function thisShipment(order: Order) {
  if (order.shipment) return [];
  if (order.packages?.length) return shipmentLines({ shipmentNo: 0, packages: order.packages });
  const allocated = toPackNow(order);
  // Nothing allocated yet (the stock step has not run): count the rest of the order, never less.
  return allocated.length ? allocated : remainingToShip(order);
}

function installmentsDue(schedule: PaymentSchedule, dueOn: 'confirmation' | 'before-shipment'): Money {
  return schedule.installments
    .filter((installment) => installment.dueOn === dueOn)
    .reduce((total, installment) => add(total, installment.amount), zero(schedule.total.currency));
}
