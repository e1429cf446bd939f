import {
  applyTrackingEvent,
  EXCEPTION_TYPES,
  isException,
  startTracking,
  TRACKING_STATUSES,
  type TrackingStatus,
} from '../../../shared/domain/tracking';
import { InvalidInputError } from '../../../shared/errors';

const ETA = '2025-04-02T00:00:00.000Z';
const NEW_ETA = '2025-04-09T00:00:00.000Z';

describe('tracking events', () => {
  it('records a normal update without touching the exception state', () => {
    // Act
    const change = applyTrackingEvent(startTracking(ETA), {
      status: 'DEPARTED',
      at: '2025-03-01T10:00:00Z',
      location: 'CNSHA',
    });

    // Assess
    expect(change).toEqual({
      state: { eta: ETA, lastEventAt: '2025-03-01T10:00:00Z' },
      exception: 'none',
      stale: false,
    });
  });

  it('opens a delay with its new ETA and resolves it on the next normal update', () => {
    // Act
    const delayed = applyTrackingEvent(startTracking(ETA), {
      status: 'DELAYED',
      at: '2025-03-05T00:00:00Z',
      note: 'port congestion',
      newEta: NEW_ETA,
    });
    const moving = applyTrackingEvent(delayed.state, { status: 'IN_TRANSIT', at: '2025-03-07T00:00:00Z' });

    // Assess
    const opened = { type: 'DELAYED', openedAt: '2025-03-05T00:00:00Z', note: 'port congestion' };
    expect(delayed).toMatchObject({ exception: 'opened', opened, etaChange: { from: ETA, to: NEW_ETA } });
    expect(delayed.state).toEqual({ eta: NEW_ETA, exception: opened, lastEventAt: '2025-03-05T00:00:00Z' });
    expect(moving.exception).toBe('resolved');
    expect(moving.resolved).toEqual(opened);
    expect(moving.state.exception).toBeUndefined();
    expect(moving.state.eta).toBe(NEW_ETA);
    expect(moving.etaChange).toBeUndefined();
  });

  it.each(['DAMAGED', 'LOST', 'CUSTOMS_HOLD'] as const)('opens %s without a new ETA', (status) => {
    // Act
    const change = applyTrackingEvent(startTracking(ETA), { status, at: '2025-03-05T00:00:00Z' });

    // Assess
    expect(change.exception).toBe('opened');
    expect(change.state.exception?.type).toBe(status);
    expect(change.etaChange).toBeUndefined();
  });

  it('resolves a customs hold when customs clear', () => {
    // Prepare
    const held = applyTrackingEvent(startTracking(ETA), {
      status: 'CUSTOMS_HOLD',
      at: '2025-03-30T00:00:00Z',
    });

    // Act
    const cleared = applyTrackingEvent(held.state, { status: 'CUSTOMS_CLEARED', at: '2025-04-01T00:00:00Z' });

    // Assess
    expect(cleared).toMatchObject({ exception: 'resolved', resolved: { type: 'CUSTOMS_HOLD' } });
  });

  it('keeps a repeated exception of the same kind open as it was, moving only the ETA', () => {
    // Prepare
    const first = applyTrackingEvent(startTracking(ETA), {
      status: 'DELAYED',
      at: '2025-03-05T00:00:00Z',
      newEta: NEW_ETA,
    });

    // Act
    const again = applyTrackingEvent(first.state, {
      status: 'DELAYED',
      at: '2025-03-06T00:00:00Z',
      newEta: '2025-04-12T00:00:00.000Z',
    });

    // Assess
    expect(again.exception).toBe('none');
    expect(again.state.exception).toEqual(first.state.exception);
    expect(again.etaChange).toEqual({ from: NEW_ETA, to: '2025-04-12T00:00:00.000Z' });
  });

  it('replaces an open exception with one of another kind, reporting both', () => {
    // Prepare
    const delayed = applyTrackingEvent(startTracking(ETA), {
      status: 'DELAYED',
      at: '2025-03-05T00:00:00Z',
      newEta: NEW_ETA,
    });

    // Act
    const damaged = applyTrackingEvent(delayed.state, { status: 'DAMAGED', at: '2025-03-06T00:00:00Z' });

    // Assess
    expect(damaged.exception).toBe('opened');
    expect(damaged.opened?.type).toBe('DAMAGED');
    expect(damaged.resolved?.type).toBe('DELAYED');
    expect(damaged.state.exception?.type).toBe('DAMAGED');
  });

  it('moves the ETA on a normal update that carries one', () => {
    // Act
    const change = applyTrackingEvent(startTracking(ETA), {
      status: 'TRANSSHIPPED',
      at: '2025-03-10T00:00:00Z',
      newEta: '2025-03-30T00:00:00.000Z',
    });

    // Assess
    expect(change.exception).toBe('none');
    expect(change.etaChange).toEqual({ from: ETA, to: '2025-03-30T00:00:00.000Z' });
  });

  it('keeps an older update from undoing a newer one', () => {
    // Prepare
    const lost = applyTrackingEvent(startTracking(ETA), { status: 'LOST', at: '2025-03-10T00:00:00Z' });

    // Act
    const late = applyTrackingEvent(lost.state, {
      status: 'DEPARTED',
      at: '2025-03-01T00:00:00Z',
      newEta: NEW_ETA,
    });

    // Assess
    expect(late).toEqual({ state: lost.state, exception: 'none', stale: true });
  });

  it('refuses a delay without a new ETA, bad dates and unknown statuses', () => {
    // Prepare
    const state = startTracking(ETA);

    // Act & Assess
    expect(() => applyTrackingEvent(state, { status: 'DELAYED', at: '2025-03-05T00:00:00Z' })).toThrow(
      expect.objectContaining({ field: 'newEta' }),
    );
    expect(() =>
      applyTrackingEvent(state, { status: 'DELAYED', at: '2025-03-05T00:00:00Z', newEta: 'later' }),
    ).toThrow(expect.objectContaining({ field: 'newEta', message: 'newEta "later" is not a date' }));
    expect(() => applyTrackingEvent(state, { status: 'ARRIVED', at: 'today' })).toThrow(
      expect.objectContaining({ field: 'at' }),
    );
    expect(() =>
      applyTrackingEvent(state, { status: 'DELIVERED' as TrackingStatus, at: '2025-03-05T00:00:00Z' }),
    ).toThrow(InvalidInputError);
  });

  it('knows which statuses are exceptions', () => {
    expect(TRACKING_STATUSES.filter(isException)).toEqual(expect.arrayContaining([...EXCEPTION_TYPES]));
    expect(TRACKING_STATUSES.filter(isException)).toHaveLength(4);
    expect(isException('OUT_FOR_DELIVERY')).toBe(false);
  });
});
