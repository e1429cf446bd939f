import type { DomainEvent } from '../contracts/events';
import type { Money } from '../domain/money';
import { subtract, zero } from '../domain/money-math';
import type { Order, WaitKind } from '../domain/order';
import { amountDueBy } from '../domain/payment-schedule';
import { dueBeforeShipment } from '../domain/shipment-payments';
import { currentShipmentNo, isSplit, shipmentChangeId } from '../domain/shipments';
import { WAIT_STATUS, waitOutcome } from '../domain/waits';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import type { WorkflowCallbacks } from '../ports/workflow-callbacks';
import { moneyOut } from './money-view';
import { OrderCancelledError } from './order-cancelled-error';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

export interface BeginWaitDeps {
  orders: OrderRepository;
  events: EventPublisher;
  callbacks: WorkflowCallbacks;
  clock: Clock;
  /** Whether every unit the order is short of is now available (for the stock wait). */
  stockAvailable: (order: Order) => Promise<boolean>;
  /**
   * When a wait begun at `since` first escalates (its SLA's level 1; see wait-schedule.ts), which puts
   * the order in the open-waits index; undefined keeps it out.
   */
  firstDueAt?: (order: Order, wait: WaitKind, since: string) => Promise<string | undefined>;
}

const WAITING_FOR: Record<WaitKind, string> = {
  'credit-decision': "Waiting for finance's credit decision",
  deposit: 'Waiting for the deposit',
  stock: 'Waiting for stock',
  packing: 'In production: waiting for the packing list',
  balance: 'Waiting for the balance before shipment',
  shipment: 'Ready to ship: waiting for the shipment booking',
  delivery: 'In transit: waiting for delivery',
  payment: 'Waiting for payment',
  documents: 'Documents held: waiting for sales to fix the product data (POST /orders/{id}/documents/retry)',
};

/**
 * The function behind every `.waitForTaskToken` state. If what the wait is for has already happened
 * (money paid early, a packing list posted while a timed-out wait was re-entered), it ends the wait at
 * once. Otherwise it shows the wait's status and keeps the token on the order, where the API call
 * that ends the wait finds it. Called again after a restart with a new token: it replaces the old one.
 */
export function makeBeginWait({
  orders,
  events,
  callbacks,
  clock,
  stockAvailable,
  firstDueAt,
}: BeginWaitDeps) {
  return async (input: {
    orderId: string;
    wait: WaitKind;
    taskToken: string;
  }): Promise<'waiting' | 'satisfied'> => {
    const { orderId, wait, taskToken } = input;
    const before = await orders.get(orderId);
    if (before?.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
    const stockNow = wait === 'stock' && before ? await stockAvailable(before) : false;
    const at = clock.now().toISOString();
    const dueIfEntered = before && firstDueAt ? await firstDueAt(before, wait, at) : undefined;
    let satisfied: Record<string, unknown> | undefined;
    const order = await updateOrder(
      orders,
      orderId,
      (current) => {
        if (current.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
        const outcome = waitOutcome(current, wait, stockNow);
        satisfied = outcome.satisfied ? outcome.output : undefined;
        if (satisfied) return undefined;
        const status = WAIT_STATUS[wait];
        const entered = current.status !== status || current.pendingWait?.kind !== wait;
        // Re-entered after a timeout (or a restart): the same wait, its levels and next due time kept.
        const kept = entered ? { dueAt: dueIfEntered } : pick(current.pendingWait);
        const next = {
          ...current,
          pendingWait: {
            kind: wait,
            token: taskToken,
            since: entered ? at : (current.pendingWait?.since ?? at),
            ...(kept.escalatedLevel ? { escalatedLevel: kept.escalatedLevel } : {}),
            ...(kept.dueAt ? { dueAt: kept.dueAt } : {}),
          },
        };
        return entered
          ? withEntry(next, { at, by: WORKFLOW, what: WAITING_FOR[wait], status })
          : { ...next, updatedAt: at };
      },
      before,
    );
    if (satisfied) {
      await callbacks.succeed(taskToken, { kind: wait, ...satisfied });
      return 'satisfied';
    }
    // A receipt between the stock check above and the token being stored would have found no token
    // to answer: look again now that the token is where receipts find it.
    if (wait === 'stock' && (await stockAvailable(order))) {
      await callbacks.succeed(taskToken, { kind: wait });
      return 'satisfied';
    }
    await events.publish([entryEvent(order, wait)]);
    return 'waiting';
  };
}

/**
 * What entering a wait tells people: ready to ship, a payment now due, or else that the order waits
 * (OrderWaiting, for the live feed). Published on every entry and re-entry with the same changeId (a
 * re-entered wait keeps its `since`), so consumers see each wait once.
 */
function entryEvent(order: Order, wait: WaitKind): DomainEvent {
  const since = order.pendingWait!.since;
  const base = { version: 1 as const, occurredAt: since, orderId: order.orderId };
  // Each shipment of an order shipped in parts is ready, and asks for its money, once.
  const shipmentNo = currentShipmentNo(order);
  const which = isSplit(order) ? { shipmentNo } : {};
  if (wait === 'shipment') {
    return {
      type: 'OrderReadyToShip',
      detail: {
        ...base,
        changeId: shipmentChangeId(order.orderId, 'OrderReadyToShip', shipmentNo),
        customerId: order.customerId,
        ...which,
      },
    };
  }
  // The deposit is asked for in the confirmation email, with the whole schedule.
  if ((wait === 'balance' || wait === 'payment') && order.paymentSchedule) {
    const due =
      wait === 'balance'
        ? dueBeforeShipment(order, order.paymentSchedule)
        : amountDueBy(order.paymentSchedule, 'full');
    const owed = subtract(due, order.paid ?? zero(order.currency));
    return {
      type: 'PaymentDue',
      detail: {
        ...base,
        changeId:
          wait === 'balance'
            ? shipmentChangeId(order.orderId, 'PaymentDue:balance', shipmentNo)
            : `${order.orderId}:PaymentDue:${wait}`,
        ...(wait === 'balance' ? which : {}),
        customerId: order.customerId,
        outstanding: moneyOut(positive(owed)),
        dueAt: wait === 'payment' ? (order.paymentDueAt ?? since) : since,
      },
    };
  }
  return {
    type: 'OrderWaiting',
    detail: {
      ...base,
      changeId: `${order.orderId}:OrderWaiting:${wait}:${since}`,
      wait,
      status: WAIT_STATUS[wait],
      since,
      ...which,
    },
  };
}

function pick(wait: Order['pendingWait']): { escalatedLevel?: number; dueAt?: string } {
  return { escalatedLevel: wait?.escalatedLevel, dueAt: wait?.dueAt };
}

function positive(money: Money): Money {
  return money.minor > 0 ? money : { ...money, minor: 0 };
}
