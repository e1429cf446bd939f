import type { PutEventRecord } from '../../../infra/local/eventbridge/eventbridge-server';
import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * On the embedded runtime, a minute of SLA time passes in a second (TRADEFLOW_TIME_SCALE 60; step
 * timeouts are scaled too, so not much faster): an order
 * waiting for its deposit (TT 30/70) goes past its SLA steps (set through the settings API), and the `escalate` schedule,
 * fired as `npm run schedule -- escalate` fires it, raises level 1 and then level 2, each once.
 */
describe('escalation sweep on the local runtime', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem({ timeScale: 60 });
    await system.seedProducts();
  });
  afterAll(async () => {
    await system.stop();
  });

  const stalls = async (orderId: string) =>
    (await system.admin<{ events: PutEventRecord[] }>('/events')).events.filter(
      (e) => e.detailType === 'OrderStalled' && (e.event.detail as { orderId?: string }).orderId === orderId,
    );
  const fire = () => system.admin<unknown>('/schedules/escalate/fire', 'POST');

  it('settings are admin only, validated, and versioned', async () => {
    // Act
    const asSales = await system.api('/settings/escalations', { as: 'sales' });
    const defaults = await system.api('/settings/escalations', { as: 'admin' });
    const badZone = await system.api('/settings/escalations', {
      method: 'PUT',
      as: 'admin',
      body: {
        version: 0,
        calendar: {
          timeZone: 'Mars/Olympus',
          workingDays: [1],
          holidays: [],
          workingHours: { start: '09:00', end: '17:00' },
        },
      },
    });

    // Assess
    expect(asSales.status).toBe(403);
    expect(defaults.status).toBe(200);
    expect(defaults.json).toMatchObject({ version: 0, calendar: { timeZone: 'UTC' } });
    expect(defaults.json.policy['credit-decision'].steps).toEqual([{ businessDays: 1 }, { businessDays: 2 }]);
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(badZone.json)).toContain('time zone');
  });

  it('raises an overdue deposit wait to level 1, then level 2, once each, on the timeline and as events', async () => {
    // Prepare: every day worked; the deposit is due after 3 min, then 6 min (3 s, 6 s here)
    const put = await system.api('/settings/escalations', {
      method: 'PUT',
      as: 'admin',
      body: {
        version: 0,
        calendar: {
          timeZone: 'Europe/Berlin',
          workingDays: [1, 2, 3, 4, 5, 6, 7],
          holidays: [],
          workingHours: { start: '00:00', end: '23:59' },
        },
        slas: { deposit: { steps: [{ hours: 0.05 }, { hours: 0.1 }] } },
        managers: { finance: 'cfo@example.com' },
      },
    });
    expect(put.status).toBe(200);
    const stale = await system.api('/settings/escalations', {
      method: 'PUT',
      as: 'admin',
      body: { version: 0 },
    });
    expect(stale.status).toBe(409);
    const customer = await system.api('/customers', {
      body: customerBody,
    });
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
    const orderId: string = placed.json.orderId;
    await eventually(
      async () =>
        (await system.api(`/orders/${orderId}`, { as: 'finance' })).json.status === 'AWAITING_DEPOSIT'
          ? true
          : undefined,
      20_000,
      'AWAITING_DEPOSIT',
    );

    // Act: sweep at once (nothing due), past level 1's time, twice, then past level 2's
    await fire();
    const early = await stalls(orderId);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await fire();
    await fire();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await fire();

    // Assess
    expect(early).toHaveLength(0);
    const raised = await eventually(
      async () => {
        const found = await stalls(orderId);
        return found.length >= 2 ? found : undefined;
      },
      10_000,
      'two levels',
    );
    expect(raised.map((e) => (e.event.detail as { level: number }).level)).toEqual([1, 2]);
    expect(raised.map((e) => (e.event.detail as { changeId: string }).changeId)).toEqual([
      `${orderId}:stalled:deposit:1`,
      `${orderId}:stalled:deposit:2`,
    ]);
    const order = (await system.api(`/orders/${orderId}`, { as: 'finance' })).json;
    expect(
      order.timeline
        .filter((e: { what: string }) => e.what.startsWith('Escalated'))
        .map((e: { what: string }) => e.what),
    ).toEqual([
      'Escalated to level 1: deposit is overdue (finance is told)',
      'Escalated to level 2: deposit is overdue (the finance manager is told)',
    ]);
    // Level 2 reached the manager named in the settings.
    await eventually(async () =>
      (await system.sentEmails()).some((m) => m.destination.to.includes('cfo@example.com'))
        ? true
        : undefined,
    );
  }, 60_000);
});
