import { topology } from '../../../infra/topology';
import type { Topology } from '../../../infra/topology/types';
import { orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';
import { startReceiver } from './webhook-receiver';

/**
 * Department subscriptions on the embedded runtime: finance's subscriptions hear a credit hold by
 * email and by signed webhooks to receivers on 127.0.0.1; a receiver that fails a few times gets it
 * on a retry; one that always fails ends in the dead letters, named; nothing is sent twice.
 */
jest.setTimeout(120_000);

interface DeadLetter {
  rule: string;
  targetId: string;
  attempts: number;
  lastError: string;
  event: { detail: { orderId?: string } };
}

/** Finance's rule retries 3 times instead of 8, so that its backoff (about 1, 2, 4 s) fits a test. */
const RETRIES = 3;
const withFewerRetries: Topology = {
  ...topology,
  rules: topology.rules.map((rule) =>
    rule.name === 'finance-notifications'
      ? { ...rule, targets: rule.targets.map((target) => ({ ...target, retryAttempts: RETRIES })) }
      : rule,
  ),
};

describe('department subscriptions (local runtime)', () => {
  let system: LocalSystem;
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];

  beforeAll(async () => {
    system = await startLocalSystem({ topology: withFewerRetries });
    await system.seedProducts();
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await system.stop();
  });

  const subscribe = async (body: Record<string, unknown>, as = 'admin') => {
    const created = await system.api('/subscriptions', { body: { department: 'finance', ...body }, as });
    if (created.status !== 201)
      throw new Error(`POST /subscriptions: ${created.status} ${JSON.stringify(created.json)}`);
    return created.json as {
      subscriptionId: string;
      version: number;
      webhook?: { url: string; secret?: string };
    };
  };

  it('manages subscriptions through the API: secret shown once, versions, SSRF refused', async () => {
    // Act
    const created = await subscribe(
      { name: 'Temporary', emails: ['temp@example.com'], enabled: false },
      'finance',
    );
    const read = await system.api(`/subscriptions/${created.subscriptionId}`, { as: 'finance' });
    const bySales = await system.api(`/subscriptions/${created.subscriptionId}`, { as: 'sales' });
    const metadata = await system.api('/subscriptions', {
      body: {
        department: 'finance',
        name: 'x',
        webhook: { url: 'https://169.254.169.254/latest/meta-data' },
      },
      as: 'admin',
    });
    const put = (version: number) =>
      system.api(`/subscriptions/${created.subscriptionId}`, {
        method: 'PUT',
        body: { name: 'Renamed', emails: ['temp@example.com'], enabled: false, version },
        as: 'finance',
      });
    const updated = await put(1);
    const stale = await put(1);
    const deleted = await system.api(`/subscriptions/${created.subscriptionId}`, {
      method: 'DELETE',
      as: 'admin',
    });
    const gone = await system.api(`/subscriptions/${created.subscriptionId}`, { as: 'admin' });

    // Assess
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ name: 'Temporary', version: 1, enabled: false });
    expect(bySales.status).toBe(403);
    expect(metadata.status).toBe(400);
    expect(metadata.json.error).toMatchObject({ field: 'webhook.url' });
    expect([updated.status, updated.json.version, stale.status]).toEqual([200, 2, 409]);
    expect([deleted.status, gone.status]).toEqual([204, 404]);
  });

  it('delivers a credit hold to matching lists and signed webhooks, retries, and dead-letters the broken one', async () => {
    // Prepare
    const healthy = await startReceiver();
    const flaky = await startReceiver({ failures: 2 });
    const broken = await startReceiver({ failures: Number.POSITIVE_INFINITY });
    receivers.push(healthy, flaky, broken);
    const desk = await subscribe({
      name: 'Finance NL desk',
      emails: ['finance-nl@example.com', 'controller@example.com'],
      webhook: { url: healthy.url },
      filters: { eventTypes: ['CreditHeld'], countries: ['NL'] },
    });
    healthy.useSecret(desk.webhook?.secret ?? '');
    const flakySub = await subscribe({ name: 'ERP', webhook: { url: flaky.url } });
    flaky.useSecret(flakySub.webhook?.secret ?? '');
    const brokenSub = await subscribe({ name: 'Old tool', webhook: { url: broken.url } });
    broken.useSecret(brokenSub.webhook?.secret ?? '');
    await subscribe({
      name: 'Finance FR desk',
      emails: ['finance-fr@example.com'],
      filters: { countries: ['FR'] },
    });
    const customer = await system.api('/customers', {
      body: {
        name: 'Nordkap buyer',
        email: 'buyer@nordkap.example',
        country: 'NL',
        currency: 'EUR',
        creditLimit: { amount: '100.00', currency: 'EUR' },
      },
    });
    const customerId = customer.json.customerId as string;

    // Act: an order on open account above the credit limit is held for finance
    const placed = await system.api('/orders', {
      body: {
        ...orderBody(customerId),
        paymentTerms: { type: 'OA', netDays: 30 },
        shippingAddress: { ...orderBody(customerId).shippingAddress, city: 'Rotterdam', country: 'NL' },
      },
    });
    const orderId = placed.json.orderId as string;
    const deadLetter = await eventually(
      async () => {
        const { deadLetters } = await system.admin<{ deadLetters: DeadLetter[] }>('/dead-letters');
        return deadLetters.find(
          (d) => d.rule === 'finance-notifications' && d.event.detail.orderId === orderId,
        );
      },
      30_000,
      'the broken webhook dead-lettered',
    );

    // Assess: webhooks, signed and verified by their receivers
    expect(healthy.received.map((r) => [r.verified, r.answered])).toEqual([[true, 200]]);
    expect(healthy.received[0].body).toMatchObject({
      type: 'CreditHeld',
      orderId,
      subscriptionId: desk.subscriptionId,
      orderUrl: `${system.runtime.info.consoleUrl}#/orders/${orderId}`,
      data: { customerId },
    });
    expect(JSON.stringify(healthy.received[0].body)).not.toMatch(/Nordkap buyer|buyer@nordkap|Am Hafen/);
    expect(flaky.received.map((r) => r.answered)).toEqual([503, 503, 200]);
    expect(flaky.received.every((r) => r.verified && r.eventId === healthy.received[0].eventId)).toBe(true);
    expect(broken.received.length).toBe(deadLetter.attempts);
    expect(broken.received.every((r) => r.verified && r.answered === 503)).toBe(true);

    // Assess: the dead letter names the subscription and the last error, not what was sent or answered
    expect(deadLetter.targetId).toBe('notify-finance');
    expect(deadLetter.attempts).toBe(RETRIES + 1);
    expect(deadLetter.lastError).toContain(`${brokenSub.subscriptionId} webhook`);
    expect(deadLetter.lastError).toContain('HTTP 503');
    expect(deadLetter.lastError).not.toContain(flakySub.subscriptionId);
    expect(deadLetter.lastError).not.toMatch(/never to be logged|customerId/);

    // Assess: emails, once each, short, linking to the order; the FR desk and finance's mailbox got none
    const emails = await system.sentEmails();
    const forOrder = emails.filter((e) => e.subject.includes(orderId));
    const finance = forOrder.filter((e) => e.subject.startsWith('[finance]'));
    expect(finance.map((e) => e.destination.to)).toEqual([
      ['finance-nl@example.com', 'controller@example.com'],
    ]);
    expect(finance[0].subject).toMatch(/^\[finance\] Credit hold: /);
    expect(finance[0].body.text).toContain(`${system.runtime.info.consoleUrl}#/orders/${orderId}`);
    expect(finance[0].body.text?.split('\n').length).toBeLessThanOrEqual(8);
    // Sales has no subscription: its default mailbox still hears of the hold.
    expect(forOrder.filter((e) => e.subject.startsWith('[sales]')).map((e) => e.destination.to)).toEqual([
      ['sales@tradeflow.example.com'],
    ]);
  });
});
