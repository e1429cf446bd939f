import { makeInMemorySubscriptionRepository } from '../../../../shared/adapters/in-memory/subscriptions';
import { createSubscriptionBody } from '../../../../shared/contracts/subscriptions';
import type { Actor } from '../../../../shared/domain/order';
import { webhookUrlProblem } from '../../../../shared/domain/webhook-address';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../../../shared/errors';
import { parseWith } from '../../../../shared/http/request';
import { makeReplaceSubscription } from '../../../../shared/use-cases/change-subscription';
import { makeCreateSubscription } from '../../../../shared/use-cases/create-subscription';
import { makeListSubscriptions } from '../../../../shared/use-cases/read-subscriptions';

const admin: Actor = { kind: 'staff', id: 'admin-1', role: 'admin' };
const finance: Actor = { kind: 'staff', id: 'fin-1', role: 'finance' };
const sales: Actor = { kind: 'staff', id: 'sales-1', role: 'sales' };

function setup(allowLoopback = false) {
  const subscriptions = makeInMemorySubscriptionRepository();
  let n = 0;
  const deps = {
    subscriptions,
    clock: { now: () => new Date('2026-11-27T10:00:00.000Z') },
    rules: { allowLoopback },
    newId: () => `sub_01JTEST00000000000000000${++n}`,
    newSecret: () => 'whsec_generated',
  };
  return {
    subscriptions,
    create: makeCreateSubscription(deps),
    replace: makeReplaceSubscription(deps),
    list: makeListSubscriptions(deps),
  };
}

const body = (overrides: Record<string, unknown> = {}) =>
  parseWith(createSubscriptionBody, {
    department: 'finance',
    name: 'Finance desk',
    webhook: { url: 'https://hooks.example.com/x' },
    ...overrides,
  });

describe('managing subscriptions', () => {
  it('generates a webhook secret when none is given, at version 1', async () => {
    // Prepare
    const s = setup();

    // Act
    const created = await s.create(body(), finance);

    // Assess
    expect(created).toMatchObject({ department: 'finance', version: 1, enabled: true, filters: {} });
    expect(created.webhook).toEqual({ url: 'https://hooks.example.com/x', secret: 'whsec_generated' });
  });

  it("lets admin manage any department and a department's role only its own", async () => {
    // Prepare
    const s = setup();

    // Act
    const byAdmin = await s.create(body({ department: 'logistics' }), admin);
    const bySales = s.create(body(), sales);

    // Assess
    expect(byAdmin.department).toBe('logistics');
    await expect(bySales).rejects.toThrow(ForbiddenError);
    await expect(s.list({}, finance)).resolves.toEqual([]);
    await expect(s.list({ department: 'logistics' }, finance)).rejects.toThrow(ForbiddenError);
    await expect(s.list({}, admin)).rejects.toThrow(InvalidInputError);
  });

  it('refuses loopback webhooks unless allowed (the local runtime), and event types the department never hears', async () => {
    // Prepare
    const onAws = setup(false);
    const local = setup(true);
    const loopback = body({ webhook: { url: 'http://127.0.0.1:9999/hook' } });

    // Act + Assess
    await expect(onAws.create(loopback, admin)).rejects.toThrow('webhook.url must not be a loopback address');
    await expect(local.create(loopback, admin)).resolves.toMatchObject({ department: 'finance' });
    await expect(local.create(body({ filters: { eventTypes: ['StockAllocated'] } }), admin)).rejects.toThrow(
      'finance does not hear of StockAllocated',
    );
  });

  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://[::ffff:169.254.169.254]/',
    'https://10.0.0.7/hook',
    'https://192.168.1.10/hook',
    'http://hooks.example.com/plain-http',
    'https://user:pass@hooks.example.com/',
    'https://metadata.google.internal/',
  ])('refuses %s at the edge (SSRF)', (url) => {
    // Act + Assess
    expect(() => body({ webhook: { url } })).toThrow(InvalidInputError);
    expect(webhookUrlProblem(url, { allowLoopback: false })).toBeDefined();
  });

  it('needs emails or a webhook, and distinct addresses', () => {
    // Act + Assess
    expect(() => body({ webhook: undefined })).toThrow('needs emails, a webhook, or both');
    expect(() => body({ emails: ['a@example.com', 'a@example.com'] })).toThrow('must not repeat');
  });

  it('replaces at the version read, keeping the secret; a stale version is a conflict', async () => {
    // Prepare
    const s = setup();
    const created = await s.create(body(), finance);
    const settings = {
      name: 'Renamed',
      webhook: { url: 'https://hooks.example.com/y' },
      filters: {},
      enabled: true,
    };

    // Act
    const replaced = await s.replace(created.subscriptionId, { ...settings, version: 1 }, finance);
    const stale = s.replace(created.subscriptionId, { ...settings, version: 1 }, finance);

    // Assess
    expect(replaced.subscription).toMatchObject({ name: 'Renamed', version: 2 });
    expect(replaced.subscription.webhook?.secret).toBe('whsec_generated');
    expect(replaced.newSecret).toBe(false);
    await expect(stale).rejects.toThrow(ConflictError);
  });

  it('finds the same subscription when a POST is retried under its Idempotency-Key', async () => {
    // Prepare
    const s = setup();

    // Act
    const first = await s.create(body(), finance, 'key-1');
    const retried = await s.create(body(), finance, 'key-1');

    // Assess
    expect(retried.subscriptionId).toBe(first.subscriptionId);
    expect(s.subscriptions.items.size).toBe(1);
  });
});
