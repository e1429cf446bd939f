import { DEFAULT_ESCALATION_SETTINGS } from '../../../../shared/domain/escalation-settings';
import { makePromiseProductionDate } from '../../../../shared/use-cases/order-actions/promise-production-date';
import { scheduledSteps } from '../../../../shared/use-cases/wait-schedule';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

const ALLOWED = ['CONFIRMED', 'AWAITING_DEPOSIT', 'AWAITING_STOCK', 'IN_PRODUCTION'];

function promise(w: ReturnType<typeof world>) {
  return makePromiseProductionDate({
    ...w.deps,
    waitSchedule: { settings: { get: async () => DEFAULT_ESCALATION_SETTINGS }, timeScale: 1 },
  });
}

describe('POST /orders/{id}/promised-date', () => {
  it('keeps the day, notes it on the timeline and moves the packing wait’s due time to it', async () => {
    // Prepare: waiting for packing since 21 Nov, due by the default (10 business days) until now
    const w = world(anOrder('IN_PRODUCTION', { pendingWait: waitingFor('packing') }));
    const before = (await w.stored()).pendingWait;

    // Act
    const order = await promise(w)(
      ORDER_ID,
      { promisedDate: '2026-12-18', note: 'second shift' },
      staff.warehouse,
    );

    // Assess
    expect(order.promisedDate).toBe('2026-12-18');
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Production date promised',
      note: '2026-12-18: second shift',
      by: staff.warehouse,
    });
    const expected = scheduledSteps(order, 'packing', before!.since, DEFAULT_ESCALATION_SETTINGS)[0].at;
    expect(order.pendingWait).toEqual({ ...before, dueAt: expected });
    expect(expected.startsWith('2026-12-18')).toBe(true);
    expect((await w.stored()).promisedDate).toBe('2026-12-18');
    // It ends no wait and emits nothing.
    expect(w.callbacks.succeeded).toEqual([]);
    expect(w.events.published).toEqual([]);
  });

  it('replaces an earlier promise, saying what it was, and repeats the same day as a no-op', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_STOCK', { promisedDate: '2026-12-10' }));

    // Act
    const moved = await promise(w)(ORDER_ID, { promisedDate: '2026-12-20' }, staff.warehouse);
    const again = await promise(w)(ORDER_ID, { promisedDate: '2026-12-20' }, staff.warehouse);

    // Assess
    expect(moved.timeline.at(-1)?.note).toBe('2026-12-20 (was 2026-12-10)');
    expect(again.version).toBe(moved.version);
    expect(again.timeline).toHaveLength(moved.timeline.length);
  });

  it('answers 400 for a day in the past, and changes nothing', async () => {
    // Prepare
    const w = world(anOrder('IN_PRODUCTION'));
    const before = await w.stored();

    // Act
    const attempt = promise(w)(ORDER_ID, { promisedDate: '2026-11-26' }, staff.warehouse);

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'InvalidInputError', field: 'promisedDate' });
    expect(await w.stored()).toEqual(before);
  });

  it.each(ALL_STATUSES.filter((status) => !ALLOWED.includes(status)))(
    'answers 409 when the order is %s',
    async (status) => {
      // Prepare
      const w = world(anOrder(status));

      // Act
      const attempt = promise(w)(ORDER_ID, { promisedDate: '2026-12-18' }, staff.warehouse);

      // Assess
      await expect(attempt).rejects.toMatchObject({ name: 'ConflictError' });
    },
  );
});
