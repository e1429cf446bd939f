import { InvalidInputError } from '../errors';

/** What carriers report while goods are on the way (delivery itself is POST /delivery). */
export const TRACKING_STATUSES = [
  'PICKED_UP',
  'DEPARTED',
  'IN_TRANSIT',
  'TRANSSHIPPED',
  'ARRIVED',
  'CUSTOMS_HOLD',
  'CUSTOMS_CLEARED',
  'OUT_FOR_DELIVERY',
  'DELAYED',
  'DAMAGED',
  'LOST',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** The updates that open an exception on the order (sales, logistics and the buyer are told). */
export const EXCEPTION_TYPES = ['DELAYED', 'DAMAGED', 'LOST', 'CUSTOMS_HOLD'] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export interface TrackingEvent {
  status: TrackingStatus;
  /** When the carrier saw it (ISO 8601). */
  at: string;
  location?: string;
  note?: string;
  /** A revised arrival; required with DELAYED. */
  newEta?: string;
}

export interface ShipmentException {
  type: ExceptionType;
  openedAt: string;
  location?: string;
  note?: string;
}

/** What the order keeps about its shipment's progress. */
export interface TrackingState {
  eta: string;
  exception?: ShipmentException;
  /** The latest carrier time applied, so late-arriving older updates do not undo newer ones. */
  lastEventAt?: string;
}

export interface TrackingChange {
  state: TrackingState;
  exception: 'opened' | 'resolved' | 'none';
  opened?: ShipmentException;
  /** The exception that ended: resolved by a normal update, or replaced by another exception. */
  resolved?: ShipmentException;
  etaChange?: { from: string; to: string };
  /** The update is older than one already applied: keep it in the history, change nothing. */
  stale: boolean;
}

export function isTrackingStatus(status: string): status is TrackingStatus {
  return (TRACKING_STATUSES as readonly string[]).includes(status);
}

export function isException(status: TrackingStatus): status is ExceptionType {
  return (EXCEPTION_TYPES as readonly string[]).includes(status);
}

export function startTracking(eta: string): TrackingState {
  return { eta };
}

/**
 * Applies a carrier update. An exception update opens an exception (replacing an open one of another
 * kind; the same kind again leaves it open as it was); any later normal update resolves it. A newEta
 * on any update moves the ETA. Throws InvalidInputError (400) for an update that cannot be applied.
 */
export function applyTrackingEvent(state: TrackingState, event: TrackingEvent): TrackingChange {
  const at = checkedTime(event.at, 'at');
  if (!isTrackingStatus(event.status)) {
    throw new InvalidInputError(`status must be one of ${TRACKING_STATUSES.join(', ')}`, 'status');
  }
  if (event.status === 'DELAYED' && event.newEta === undefined) {
    throw new InvalidInputError('a DELAYED update needs newEta, the new estimated arrival', 'newEta');
  }
  if (event.newEta !== undefined) checkedTime(event.newEta, 'newEta');

  if (state.lastEventAt !== undefined && at < Date.parse(state.lastEventAt)) {
    return { state, exception: 'none', stale: true };
  }

  const next: TrackingState = { ...state, lastEventAt: event.at };
  const change: TrackingChange = { state: next, exception: 'none', stale: false };
  if (event.newEta !== undefined && event.newEta !== state.eta) {
    next.eta = event.newEta;
    change.etaChange = { from: state.eta, to: event.newEta };
  }

  const open = state.exception;
  if (isException(event.status)) {
    if (open?.type === event.status) return change;
    const opened: ShipmentException = {
      type: event.status,
      openedAt: event.at,
      ...(event.location !== undefined ? { location: event.location } : {}),
      ...(event.note !== undefined ? { note: event.note } : {}),
    };
    next.exception = opened;
    return { ...change, exception: 'opened', opened, ...(open ? { resolved: open } : {}) };
  }
  if (open) {
    delete next.exception;
    return { ...change, exception: 'resolved', resolved: open };
  }
  return change;
}

function checkedTime(value: string, field: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidInputError(`${field} "${value}" is not a date`, field);
  return time;
}
