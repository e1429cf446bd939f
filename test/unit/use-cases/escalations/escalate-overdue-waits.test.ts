import { makeInMemoryEscalationSettings } from '../../../../shared/adapters/in-memory/escalation-settings';
import { makeInMemoryOpenWaitIndex } from '../../../../shared/adapters/in-memory/open-waits';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { DEFAULT_CALENDAR } from '../../../../shared/domain/business-calendar';
import type { Order, WaitKind } from '../../../../shared/domain/order';
import { WAIT_STATUS } from '../../../../shared/domain/waits';
import { makeEscalateOverdueWaits } from '../../../../shared/use-cases/escalate-overdue-waits';
import { makeNotifyBuyer } from '../../../../shared/use-cases/notify-buyer';
import { scheduledSteps } from '../../../../shared/use-cases/wait-schedule';
import { order as baseOrder, world } from '../notifications/world';

const DAY = 86_400_000;
const SINCE = '2026-03-09T10:00:00.000Z'; // a Monday
const settings = {
  calendar: { ...DEFAULT_CALENDAR, workingDays: [1, 2, 3, 4, 5, 6, 7] },
  slas: {},
  managers: {},
};

/** An order waiting since SINCE, in the open-waits index at its first step. */
function waiting(wait: WaitKind, extra: Partial<Order> = {}): Order {
  const o = { ...baseOrder(), status: WAIT_STATUS[wait], ...extra };
  const first = scheduledSteps(o, wait, SINCE, { ...settings, version: 1 })[0];
  return { ...o, pendingWait: { kind: wait, token: 't1', since: SINCE, dueAt: first.at } };
}

function sweepWorld(o: Order) {
  const w = world({ order: o });
  const events = makeRecordingPublisher();
  let now = Date.parse(SINCE);
  const clock = { now: () => new Date(now) };
  const sweep = makeEscalateOverdueWaits({
    orders: w.orders,
    openWaits: makeInMemoryOpenWaitIndex(w.orders.items),
    settings: makeInMemoryEscalationSettings(settings),
    events,
    once: w.once,
    clock,
  });
  return { ...w, events, sweep, at: (ms: number) => (now = Date.parse(SINCE) + ms) };
}

describe('escalation sweep', () => {
  it('raises each level once, on the timeline and as OrderStalled, whatever the number of sweeps', async () => {
    // Prepare: a deposit wait (3 days, then 7)
    const w = sweepWorld(waiting('deposit'));

    // Act: sweeps before, at and after each step, twice each
    w.at(2 * DAY);
    await w.sweep();
    w.at(3 * DAY + 1);
    await w.sweep();
    await w.sweep();
    w.at(8 * DAY);
    await w.sweep();
    await w.sweep();

    // Assess
    const stalled = w.events.published.filter((e) => e.type === 'OrderStalled');
    expect(stalled.map((e) => [e.detail.changeId, (e.detail as { level: number }).level])).toEqual([
      [`${baseOrder().orderId}:stalled:deposit:1`, 1],
      [`${baseOrder().orderId}:stalled:deposit:2`, 2],
    ]);
    const o = (await w.orders.get(baseOrder().orderId))!;
    expect(o.timeline.filter((e) => e.what.startsWith('Escalated')).map((e) => e.what)).toEqual([
      'Escalated to level 1: deposit is overdue (finance is told)',
      'Escalated to level 2: deposit is overdue (the finance manager is told)',
    ]);
    expect(o.pendingWait).toMatchObject({ escalatedLevel: 2 });
    expect(o.pendingWait?.dueAt).toBeUndefined(); // no step left: out of the index
  });

  it('raises each level once when sweeps run at the same moment', async () => {
    // Prepare
    const w = sweepWorld(waiting('shipment'));
    w.at(10 * DAY);

    // Act: three concurrent sweeps, then one more
    const results = await Promise.all([w.sweep(), w.sweep(), w.sweep()]);
    await w.sweep();

    // Assess: levels 1 and 2 each published once
    const levels = w.events.published.map((e) => (e.detail as { level: number }).level);
    expect(levels).toEqual([1, 2]);
    expect(results.some((r) => r.raised > 0)).toBe(true);
    const o = (await w.orders.get(baseOrder().orderId))!;
    expect(o.timeline.filter((e) => e.what.startsWith('Escalated'))).toHaveLength(2);
  });

  it('chases a payment: PaymentOverdue per level, and the buyer is emailed once at level 3', async () => {
    // Prepare: due 10 days after the wait began
    const dueDate = new Date(Date.parse(SINCE) + 10 * DAY).toISOString();
    const w = sweepWorld(waiting('payment', { paymentDueAt: dueDate }));
    const notifyBuyer = makeNotifyBuyer({
      orders: w.orders,
      customers: w.customers,
      mailer: w.mailer,
      once: w.once,
      trackingTokens: w.trackingTokens,
      trackingUrls: w.trackingUrls,
    });

    // Act: sweeps past +14 days after the due date; every event delivered twice to the buyer consumer
    for (const day of [5, 10, 11, 17, 25, 26]) {
      w.at(day * DAY + 1);
      await w.sweep();
    }
    for (const e of [...w.events.published, ...w.events.published]) await notifyBuyer(e);

    // Assess
    const overdue = w.events.published.filter((e) => e.type === 'PaymentOverdue');
    expect(overdue.map((e) => (e.detail as { level: number }).level)).toEqual([1, 2, 3]);
    expect(overdue[0].detail).toMatchObject({ dueAt: dueDate, outstanding: { currency: 'EUR' } });
    expect(w.mailer.sent).toHaveLength(1);
    expect(w.mailer.sent[0].subject).toMatch(/^Reminder: payment overdue/);
  });

  it('leaves a wait that is over out of the index without raising it', async () => {
    // Prepare: the packing wait ended (packages posted) but the next wait has not begun yet
    const o = waiting('packing');
    const w = sweepWorld({
      ...o,
      packages: [{ weightKg: 1, lengthCm: 1, widthCm: 1, heightCm: 1, lines: [] }] as never,
    });
    w.at(30 * DAY);

    // Act
    await w.sweep();

    // Assess
    expect(w.events.published).toHaveLength(0);
    expect((await w.orders.get(o.orderId))!.pendingWait?.dueAt).toBeUndefined();
  });
});
