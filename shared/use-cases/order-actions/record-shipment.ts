import type { DomainEvent } from '../../contracts/events';
import type { RecordShipmentBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { assertNoProblems } from '../../domain/problem';
import { type Shipment, shipmentProblems, transportDocumentName } from '../../domain/shipment';
import {
  backorderOf,
  describeUnits,
  isSplit,
  type ShipmentRecord,
  shipmentChangeId,
  shipmentLines,
} from '../../domain/shipments';
import { startTracking } from '../../domain/tracking';
import { ConflictError } from '../../errors';
import {
  type ActionResult,
  changed,
  eventBase,
  type OrderActionDeps,
  runOrderAction,
  sameContent,
} from '../order-action';
import { packingOrBookingTarget } from './shipment-target';

/**
 * POST /orders/{id}/shipment (logistics): the booked shipment. The mode must fit the Incoterm (FAS,
 * FOB, CFR, CIF go by sea) and the ETA may not precede the ETD (400). Tracking starts at the ETA;
 * ShipmentDispatched tells the buyer and the departments, and the workflow's wait for the shipment
 * ends. The same booking again is a repeat; another one after it is a 409 (a new ETA is a tracking
 * update).
 *
 * An order shipped in parts books its open shipment (`shipmentNo` may name it); ShipmentDispatched
 * then says which shipment, what it carries and what is still on backorder.
 */
export function makeRecordShipment(deps: OrderActionDeps) {
  return (orderId: string, body: RecordShipmentBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: RecordShipmentBody, by: Actor, now: string): ActionResult {
  const { shipmentNo: requested, ...shipment } = body;
  const target = packingOrBookingTarget(order, requested, 'booking');
  if (target.kind === 'earlier') return repeatOf(order, target.record, shipment);
  const shipmentNo = target.shipmentNo;
  if (order.shipment) {
    const { dispatchedAt: _dispatchedAt, ...booked } = order.shipment;
    if (sameContent(booked, shipment))
      return { kind: 'repeated', events: [dispatched(order, { shipmentNo, ...currentOf(order) })] };
    throw new ConflictError(
      `a shipment is already booked (${order.shipment.carrier}, ${order.shipment.transportDocumentNo}); ` +
        'post a tracking event with newEta to change the arrival',
      order.status,
    );
  }
  assertActionAllowed('shipment', order.status);
  assertNoProblems(shipmentProblems(shipment, order.incoterm.code));
  const split = isSplit(order);
  const next = changed(
    order,
    { shipment: { ...shipment, dispatchedAt: now }, tracking: startTracking(shipment.eta) },
    {
      what:
        `${split ? `Shipment ${shipmentNo}` : 'Shipment'} booked: ${shipment.carrier} by ${shipment.mode}` +
        `${shipment.vesselOrFlight ? ` (${shipment.vesselOrFlight})` : ''}, ` +
        `${transportDocumentName(shipment.mode)} ${shipment.transportDocumentNo}, tracking ${shipment.trackingNumber}`,
      note:
        `ETD ${shipment.etd}, ETA ${shipment.eta}` +
        (split && backorderOf(order).length
          ? `; backorder, to ship later: ${describeUnits(backorderOf(order))}`
          : ''),
      by,
      at: now,
    },
  );
  return { kind: 'changed', order: next, events: [dispatched(next, { shipmentNo, ...currentOf(next) })] };
}

function currentOf(order: Order): Omit<ShipmentRecord, 'shipmentNo'> {
  return { packages: order.packages, shipment: order.shipment };
}

/** The booking of an earlier shipment named again: the same booking is a repeat, another a 409. */
function repeatOf(order: Order, record: ShipmentRecord, shipment: Shipment): ActionResult {
  if (record.shipment) {
    const { dispatchedAt: _dispatchedAt, ...booked } = record.shipment;
    if (sameContent(booked, shipment)) return { kind: 'repeated', events: [dispatched(order, record)] };
  }
  throw new ConflictError(
    `shipment ${record.shipmentNo} is already booked and has left; a booking is for the shipment being prepared`,
    order.status,
  );
}

/**
 * ShipmentDispatched. For a shipment of an order shipped in parts it names the shipment, the units it
 * carries and what is still on backorder after it (what remains is read from the order now, so a
 * repeat after later shipments left says less remains; the changeId is the same and consumers
 * already have the first).
 */
function dispatched(order: Order, record: ShipmentRecord): DomainEvent {
  const shipment = record.shipment!;
  const split = isSplit(order) || record.shipmentNo > 1;
  const backorder = split ? backorderOf(order) : [];
  return {
    type: 'ShipmentDispatched',
    detail: {
      ...eventBase(
        order,
        shipmentChangeId(order.orderId, 'ShipmentDispatched', record.shipmentNo),
        shipment.dispatchedAt,
      ),
      customerId: order.customerId,
      carrier: shipment.carrier,
      mode: shipment.mode,
      transportDocumentNo: shipment.transportDocumentNo,
      trackingNumber: shipment.trackingNumber,
      ...(shipment.trackingUrl ? { trackingUrl: shipment.trackingUrl } : {}),
      etd: shipment.etd,
      eta: shipment.eta,
      ...(split ? { shipmentNo: record.shipmentNo, lines: shipmentLines(record), backorder } : {}),
    },
  };
}
