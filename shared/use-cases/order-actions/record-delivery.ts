import type { DomainEvent } from '../../contracts/events';
import type { RecordDeliveryBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import { type Actor, type Order, TERMINAL_STATUSES } from '../../domain/order';
import {
  allowsPartialShipments,
  fullyDelivered,
  isSplit,
  lastRecordedDelivery,
  type ShipmentRecord,
  shipmentChange,
  shipmentChangeId,
} from '../../domain/shipments';
import { ConflictError, InvalidInputError } from '../../errors';
import { type ActionResult, changed, eventBase, type OrderActionDeps, runOrderAction } from '../order-action';
import { transitTarget } from './shipment-target';

/** Clocks differ a little; a delivery further in the future than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * POST /orders/{id}/delivery (logistics): the goods arrived. Kept on the order; the workflow's wait for
 * delivery ends and its next step marks the order DELIVERED and announces it (this call emits
 * nothing). The same delivery again is a repeat; a different one after it is a 409.
 *
 * An order shipped in parts records the delivery of the shipment `shipmentNo` names (by default the
 * open one once booked, else the last one booked), whatever the order's status. The delivery wait
 * ends only once every shipment is delivered and nothing is left to ship; a delivery that leaves the
 * order still to complete announces ShipmentDelivered (the buyer is told which shipment arrived).
 */
export function makeRecordDelivery(deps: OrderActionDeps) {
  return (orderId: string, body: RecordDeliveryBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: RecordDeliveryBody, by: Actor, now: string): ActionResult {
  const partial = allowsPartialShipments(order);
  const target = partial || body.shipmentNo !== undefined ? transitTarget(order, body.shipmentNo) : undefined;
  const delivered = target ? target.delivery : order.delivery;
  if (delivered) {
    const same =
      Date.parse(delivered.deliveredAt) === Date.parse(body.deliveredAt) &&
      delivered.receivedBy === body.receivedBy;
    if (same) return { kind: 'repeated', events: target ? deliveredEvents(order, target) : [] };
    throw new ConflictError(
      `the delivery${target && isSplit(order) ? ` of shipment ${target.shipmentNo}` : ''} is already recorded (delivered at ${delivered.deliveredAt})`,
      order.status,
    );
  }
  if (partial && target) assertOnItsWay(order, target);
  else assertActionAllowed('delivery', order.status);
  if (Date.parse(body.deliveredAt) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw new InvalidInputError(`deliveredAt ${body.deliveredAt} is in the future`, 'deliveredAt');
  }
  const delivery = {
    deliveredAt: body.deliveredAt,
    ...(body.receivedBy ? { receivedBy: body.receivedBy } : {}),
    recordedAt: now,
  };
  const shipmentNo = target?.shipmentNo ?? 1;
  const split = isSplit(order);
  const next = changed(order, shipmentChange(order, shipmentNo, { delivery }), {
    what: split ? `Delivery of shipment ${shipmentNo} recorded` : 'Delivery recorded',
    note: `delivered at ${body.deliveredAt}${body.receivedBy ? `, received by ${body.receivedBy}` : ''}`,
    by,
    at: now,
  });
  return {
    kind: 'changed',
    order: next,
    events: target ? deliveredEvents(next, { ...target, delivery }) : [],
  };
}

/** A shipment of an order shipped in parts is delivered after its booking, while the order is open. */
function assertOnItsWay(order: Order, target: ShipmentRecord): void {
  if (TERMINAL_STATUSES.has(order.status)) assertActionAllowed('delivery', order.status);
  if (!target.shipment) {
    throw new ConflictError(
      `shipment ${target.shipmentNo} is not booked yet: it cannot be delivered`,
      order.status,
    );
  }
}

/**
 * ShipmentDelivered for a delivery that does not complete the order (the workflow announces the one
 * that does with OrderDelivered, which names the shipment).
 */
function deliveredEvents(order: Order, target: ShipmentRecord): DomainEvent[] {
  if (!isSplit(order) || !target.delivery) return [];
  const completing = fullyDelivered(order) && lastRecordedDelivery(order)?.shipmentNo === target.shipmentNo;
  if (completing) return [];
  return [
    {
      type: 'ShipmentDelivered',
      detail: {
        ...eventBase(
          order,
          shipmentChangeId(order.orderId, 'ShipmentDelivered', target.shipmentNo),
          target.delivery.recordedAt,
        ),
        customerId: order.customerId,
        shipmentNo: target.shipmentNo,
        deliveredAt: target.delivery.deliveredAt,
      },
    },
  ];
}
