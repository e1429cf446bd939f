import { makeInMemoryCredentialStore } from '../../../../shared/adapters/in-memory/side-effects';
import {
  makeInMemoryStorefrontApiKeys,
  makeInMemoryStorefrontRepository,
} from '../../../../shared/adapters/in-memory/storefronts';
import { createStorefrontBody } from '../../../../shared/contracts/storefronts';
import type { Actor } from '../../../../shared/domain/order';
import { IdempotencyKeyReusedError } from '../../../../shared/errors';
import { parseWith } from '../../../../shared/http/request';
import { makeCreateStorefront, storefrontKeyName } from '../../../../shared/use-cases/create-storefront';

const admin: Actor = { kind: 'staff', id: 'staff_admin', role: 'admin' };

function world() {
  let seq = 0;
  const deps = {
    storefronts: makeInMemoryStorefrontRepository(),
    apiKeys: makeInMemoryStorefrontApiKeys(),
    credentials: makeInMemoryCredentialStore(),
    clock: { now: () => new Date('2026-11-27T10:00:00Z') },
    newId: () => `sf_${String(++seq).padStart(26, '0')}`,
    newSecret: (prefix: string) => `${prefix}_secret${++seq}`,
  };
  return { ...deps, create: makeCreateStorefront(deps) };
}

const body = (changes: Record<string, unknown> = {}) =>
  parseWith(createStorefrontBody, { name: 'Northwind web shop', platform: 'shopify', ...changes });

describe('registering a storefront', () => {
  it('makes its API key in the usage plan, a credential for it, and a webhook secret when none is given', async () => {
    // Prepare
    const w = world();

    // Act
    const { storefront, apiKey } = await w.create(body({ skuMap: { 'SHOP-1': 'VALVE-DN50' } }), admin);

    // Assess
    expect(storefront).toMatchObject({
      name: 'Northwind web shop',
      platform: 'shopify',
      skuMap: { 'SHOP-1': 'VALVE-DN50' },
      webhookSecret: expect.stringMatching(/^whsec_/),
      createdBy: admin,
    });
    expect(apiKey).toMatch(/^tfk_/);
    expect(w.apiKeys.keys.get(storefrontKeyName(storefront.storefrontId))?.value).toBe(apiKey);
    expect(await w.credentials.findBySecret(apiKey)).toMatchObject({
      kind: 'storefront',
      id: storefront.storefrontId,
      usageKey: apiKey,
      enabled: true,
    });
    expect(await w.storefronts.get(storefront.storefrontId)).toEqual(storefront);
  });

  it('keeps a webhook secret it is given', async () => {
    // Act
    const { storefront } = await world().create(body({ webhookSecret: 'shpss_0123456789abcdef' }), admin);

    // Assess
    expect(storefront.webhookSecret).toBe('shpss_0123456789abcdef');
  });

  it('under one Idempotency-Key, a retry after a crash finishes the same storefront with the same key', async () => {
    // Prepare: the first run made the API key, then died before storing the storefront
    const w = world();
    const first = await w.create(body(), admin, 'key-1');
    w.storefronts.items.clear();

    // Act
    const retried = await w.create(body(), admin, 'key-1');
    const repeated = await w.create(body(), admin, 'key-1');

    // Assess
    expect(retried.storefront.storefrontId).toBe(first.storefront.storefrontId);
    expect(retried.apiKey).toBe(first.apiKey);
    expect(repeated.storefront).toEqual(retried.storefront);
    expect(w.apiKeys.keys.size).toBe(1);
  });

  it('refuses the same Idempotency-Key for another request (422)', async () => {
    // Prepare
    const w = world();
    await w.create(body(), admin, 'key-1');

    // Act
    const reused = w.create(body({ name: 'Another shop' }), admin, 'key-1');

    // Assess
    await expect(reused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it.each([
    [{ platform: 'magento' }, 'platform'],
    [{ webhookSecret: 'short' }, 'webhookSecret'],
    [{ defaultCurrency: 'EURO' }, 'defaultCurrency'],
    [{ defaultIncoterm: 'XYZ' }, 'defaultIncoterm'],
    [{ skuMap: { 'SHOP-1': '' } }, 'skuMap'],
    [{ apiKey: 'tfk_mine' }, undefined],
  ])('refuses %j with a message naming the field', (changes, field) => {
    // Act
    const attempt = () => body(changes);

    // Assess
    expect(attempt).toThrow(field ? new RegExp(field) : /apiKey|unrecognized|unknown/i);
  });
});
