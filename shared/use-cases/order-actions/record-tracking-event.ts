import type { DomainEvent } from '../../contracts/events';
import type { TrackingEventBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import { type Actor, type Order, TERMINAL_STATUSES } from '../../domain/order';
import {
  allowsPartialShipments,
  isSplit,
  type ShipmentRecord,
  shipmentByNo,
  shipmentChange,
} from '../../domain/shipments';
import {
  applyTrackingEvent,
  startTracking,
  type TrackingChange,
  type TrackingEvent,
  type TrackingState,
} from '../../domain/tracking';
import { ConflictError } from '../../errors';
import {
  type ActionResult,
  changed,
  eventBase,
  type OrderActionDeps,
  runOrderAction,
  sameContent,
} from '../order-action';
import { transitTarget } from './shipment-target';

/**
 * POST /orders/{id}/tracking-events (logistics): a carrier update while the goods are in transit.
 * Every update is kept; DELAYED (with newEta), DAMAGED, LOST and CUSTOMS_HOLD open an exception that a
 * later normal update resolves. Announces TrackingUpdated, and ShipmentExceptionOpened/Resolved when
 * that happens. An update older than one already applied is kept in the history and changes nothing.
 * The same update again is a repeat.
 *
 * An order shipped in parts may have several shipments on their way: the update is for the one
 * `shipmentNo` names (by default the open one once booked, else the last one booked), whatever the
 * order's status (an earlier shipment travels while the backorder waits for stock); it ends no wait.
 */
export function makeRecordTrackingEvent(deps: OrderActionDeps) {
  return (orderId: string, body: TrackingEventBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: TrackingEventBody, by: Actor, now: string): ActionResult {
  const { shipmentNo: requested, ...event } = body;
  const record =
    allowsPartialShipments(order) || requested !== undefined ? transitTarget(order, requested) : undefined;
  const target = record ?? shipmentByNo(order, 1)!;
  const recorded = target.trackingEvents ?? [];
  const index = recorded.findIndex(({ recordedAt: _recordedAt, ...earlier }) => sameContent(earlier, event));
  if (index >= 0)
    return { kind: 'repeated', events: updateEvents(order, target, index, replay(target, index)) };

  if (allowsPartialShipments(order)) assertInTransit(order, target);
  else {
    assertActionAllowed('tracking-event', order.status);
    if (!order.shipment) throw new ConflictError('the order has no shipment to track', order.status);
  }
  const booked = target.shipment!;
  const change = applyTrackingEvent(target.tracking ?? startTracking(booked.eta), event);
  const trackingEvents = [...recorded, { ...event, recordedAt: now }];
  const split = isSplit(order);
  const described = describe(event, change);
  const next = changed(
    order,
    shipmentChange(order, target.shipmentNo, { tracking: change.state, trackingEvents }),
    {
      ...described,
      what: split ? `Shipment ${target.shipmentNo}: ${described.what}` : described.what,
      by,
      at: now,
    },
  );
  const updated = { ...target, tracking: change.state, trackingEvents };
  return { kind: 'changed', order: next, events: updateEvents(next, updated, recorded.length, change) };
}

/** A shipment of an order shipped in parts takes carrier updates from its booking until it is delivered. */
function assertInTransit(order: Order, target: ShipmentRecord): void {
  if (TERMINAL_STATUSES.has(order.status)) assertActionAllowed('tracking-event', order.status);
  if (!target.shipment) {
    throw new ConflictError(
      `shipment ${target.shipmentNo} is not booked yet: there is nothing to track`,
      order.status,
    );
  }
  if (target.delivery) {
    throw new ConflictError(
      `shipment ${target.shipmentNo} was delivered at ${target.delivery.deliveredAt}; carrier updates end with the delivery`,
      order.status,
    );
  }
}

/** The change the update at `index` made, from the tracking state the updates before it left. */
function replay(record: ShipmentRecord, index: number): TrackingChange {
  const events = record.trackingEvents ?? [];
  let state: TrackingState = startTracking(record.shipment?.eta ?? record.tracking?.eta ?? '');
  for (const earlier of events.slice(0, index))
    state = applyTrackingEvent(state, withoutRecordedAt(earlier)).state;
  return applyTrackingEvent(state, withoutRecordedAt(events[index]));
}

function withoutRecordedAt(event: TrackingEvent & { recordedAt: string }): TrackingEvent {
  const { recordedAt: _recordedAt, ...rest } = event;
  return rest;
}

function updateEvents(
  order: Order,
  record: ShipmentRecord,
  index: number,
  change: TrackingChange,
): DomainEvent[] {
  const update = (record.trackingEvents ?? [])[index];
  const occurredAt = update.recordedAt;
  const eta = change.state.eta;
  const n = record.shipmentNo;
  // Which shipment: said whenever the order ships in parts (shipment 1's ids are an ordinary order's).
  const which = isSplit(order) || n > 1 ? { shipmentNo: n } : {};
  const id = (what: string) =>
    n > 1 ? `${order.orderId}:shipment-${n}:${what}` : `${order.orderId}:${what}`;
  const events: DomainEvent[] = [
    {
      type: 'TrackingUpdated',
      detail: {
        ...eventBase(order, id(`tracking:${index + 1}`), occurredAt),
        status: update.status,
        at: update.at,
        ...(update.location ? { location: update.location } : {}),
        eta,
        ...which,
      },
    },
  ];
  if (change.stale) return events;
  if (change.resolved) {
    const { type, openedAt } = change.resolved;
    events.push({
      type: 'ShipmentExceptionResolved',
      detail: {
        ...eventBase(order, id(`exception-resolved:${type}:${openedAt}`), occurredAt),
        exception: type,
        eta,
        ...which,
      },
    });
  }
  if (change.opened) {
    const { type, openedAt, location, note } = change.opened;
    events.push({
      type: 'ShipmentExceptionOpened',
      detail: {
        ...eventBase(order, id(`exception:${type}:${openedAt}`), occurredAt),
        customerId: order.customerId,
        exception: type,
        ...(location ? { location } : {}),
        ...(note ? { note } : {}),
        eta,
        ...which,
      },
    });
  }
  return events;
}

function describe(event: TrackingEvent, change: TrackingChange): { what: string; note?: string } {
  const where = event.location ? ` at ${event.location}` : '';
  if (change.stale) {
    return {
      what: `Carrier update ${event.status}${where} (older than the last one applied; kept in the history)`,
      note: event.note,
    };
  }
  const parts = [`Carrier update: ${event.status}${where}`];
  if (change.resolved) parts.push(`exception ${change.resolved.type} resolved`);
  if (change.opened) parts.push(`exception ${change.opened.type} opened`);
  const notes = [
    ...(change.etaChange ? [`ETA moved from ${change.etaChange.from} to ${change.etaChange.to}`] : []),
    ...(event.note ? [event.note] : []),
  ];
  return { what: parts.join('; '), ...(notes.length ? { note: notes.join('; ') } : {}) };
}
