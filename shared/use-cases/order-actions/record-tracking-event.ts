import type { DomainEvent } from '../../contracts/events';
import type { TrackingEventBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
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

/**
 * POST /orders/{id}/tracking-events (logistics): a carrier update while the goods are in transit.
 * Every update is kept; DELAYED (with newEta), DAMAGED, LOST and CUSTOMS_HOLD open an exception that a
 * later normal update resolves. Announces TrackingUpdated, and ShipmentExceptionOpened/Resolved when
 * that happens. An update older than one already applied is kept in the history and changes nothing.
 * The same update again is a repeat.
 */
export function makeRecordTrackingEvent(deps: OrderActionDeps) {
  return (orderId: string, body: TrackingEventBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, event: TrackingEvent, by: Actor, now: string): ActionResult {
  const recorded = order.trackingEvents ?? [];
  const index = recorded.findIndex(({ recordedAt: _recordedAt, ...earlier }) => sameContent(earlier, event));
  if (index >= 0) return { kind: 'repeated', events: updateEvents(order, index, replay(order, index)) };

  assertActionAllowed('tracking-event', order.status);
  if (!order.shipment) throw new ConflictError('the order has no shipment to track', order.status);
  const change = applyTrackingEvent(order.tracking ?? startTracking(order.shipment.eta), event);
  const next = changed(
    order,
    { tracking: change.state, trackingEvents: [...recorded, { ...event, recordedAt: now }] },
    { ...describe(event, change), by, at: now },
  );
  return { kind: 'changed', order: next, events: updateEvents(next, recorded.length, change) };
}

/** The change the update at `index` made, from the tracking state the updates before it left. */
function replay(order: Order, index: number): TrackingChange {
  const events = order.trackingEvents ?? [];
  let state: TrackingState = startTracking(order.shipment?.eta ?? order.tracking?.eta ?? '');
  for (const earlier of events.slice(0, index))
    state = applyTrackingEvent(state, withoutRecordedAt(earlier)).state;
  return applyTrackingEvent(state, withoutRecordedAt(events[index]));
}

function withoutRecordedAt(event: TrackingEvent & { recordedAt: string }): TrackingEvent {
  const { recordedAt: _recordedAt, ...rest } = event;
  return rest;
}

function updateEvents(order: Order, index: number, change: TrackingChange): DomainEvent[] {
  const update = (order.trackingEvents ?? [])[index];
  const occurredAt = update.recordedAt;
  const eta = change.state.eta;
  const events: DomainEvent[] = [
    {
      type: 'TrackingUpdated',
      detail: {
        ...eventBase(order, `${order.orderId}:tracking:${index + 1}`, occurredAt),
        status: update.status,
        at: update.at,
        ...(update.location ? { location: update.location } : {}),
        eta,
      },
    },
  ];
  if (change.stale) return events;
  if (change.resolved) {
    const { type, openedAt } = change.resolved;
    events.push({
      type: 'ShipmentExceptionResolved',
      detail: {
        ...eventBase(order, `${order.orderId}:exception-resolved:${type}:${openedAt}`, occurredAt),
        exception: type,
        eta,
      },
    });
  }
  if (change.opened) {
    const { type, openedAt, location, note } = change.opened;
    events.push({
      type: 'ShipmentExceptionOpened',
      detail: {
        ...eventBase(order, `${order.orderId}:exception:${type}:${openedAt}`, occurredAt),
        customerId: order.customerId,
        exception: type,
        ...(location ? { location } : {}),
        ...(note ? { note } : {}),
        eta,
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
