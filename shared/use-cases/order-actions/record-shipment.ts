import type { DomainEvent } from '../../contracts/events';
import type { RecordShipmentBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { assertNoProblems } from '../../domain/problem';
import { type Shipment, shipmentProblems, transportDocumentName } from '../../domain/shipment';
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

/**
 * POST /orders/{id}/shipment (logistics): the booked shipment. The mode must fit the Incoterm (FAS,
 * FOB, CFR, CIF go by sea) and the ETA may not precede the ETD (400). Tracking starts at the ETA;
 * ShipmentDispatched tells the buyer and the departments, and the workflow's wait for the shipment
 * ends. The same booking again is a repeat; another one after it is a 409 (a new ETA is a tracking
 * update).
 */
export function makeRecordShipment(deps: OrderActionDeps) {
  return (orderId: string, body: RecordShipmentBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, shipment: Shipment, by: Actor, now: string): ActionResult {
  if (order.shipment) {
    const { dispatchedAt: _dispatchedAt, ...booked } = order.shipment;
    if (sameContent(booked, shipment)) return { kind: 'repeated', events: [dispatched(order)] };
    throw new ConflictError(
      `a shipment is already booked (${order.shipment.carrier}, ${order.shipment.transportDocumentNo}); ` +
        'post a tracking event with newEta to change the arrival',
      order.status,
    );
  }
  assertActionAllowed('shipment', order.status);
  assertNoProblems(shipmentProblems(shipment, order.incoterm.code));
  const next = changed(
    order,
    { shipment: { ...shipment, dispatchedAt: now }, tracking: startTracking(shipment.eta) },
    {
      what:
        `Shipment booked: ${shipment.carrier} by ${shipment.mode}` +
        `${shipment.vesselOrFlight ? ` (${shipment.vesselOrFlight})` : ''}, ` +
        `${transportDocumentName(shipment.mode)} ${shipment.transportDocumentNo}, tracking ${shipment.trackingNumber}`,
      note: `ETD ${shipment.etd}, ETA ${shipment.eta}`,
      by,
      at: now,
    },
  );
  return { kind: 'changed', order: next, events: [dispatched(next)] };
}

function dispatched(order: Order): DomainEvent {
  const shipment = order.shipment!;
  return {
    type: 'ShipmentDispatched',
    detail: {
      ...eventBase(order, `${order.orderId}:ShipmentDispatched`, shipment.dispatchedAt),
      customerId: order.customerId,
      carrier: shipment.carrier,
      mode: shipment.mode,
      transportDocumentNo: shipment.transportDocumentNo,
      trackingNumber: shipment.trackingNumber,
      ...(shipment.trackingUrl ? { trackingUrl: shipment.trackingUrl } : {}),
      etd: shipment.etd,
      eta: shipment.eta,
    },
  };
}
