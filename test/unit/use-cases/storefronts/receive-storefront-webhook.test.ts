import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import {
  makeInMemoryStorefrontRepository,
  makeInMemoryWebhookInbox,
} from '../../../../shared/adapters/in-memory/storefronts';
import type { Storefront } from '../../../../shared/domain/storefront';
import { InvalidInputError, UnauthorizedError } from '../../../../shared/errors';
import {
  makeReceiveStorefrontWebhook,
  storefrontOrderId,
} from '../../../../shared/use-cases/receive-storefront-webhook';
import { SHOPIFY_TEST_SECRET, shopifyHeaders } from '../../../fixtures/storefronts/shopify-headers';
import { wooCommerceHeaders, wooCommercePing } from '../../../fixtures/storefronts/woocommerce-headers';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../fixtures/storefronts', name), 'utf8');
const SHOP: Storefront = {
  storefrontId: 'sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N',
  name: 'Northwind web shop',
  platform: 'shopify',
  webhookSecret: SHOPIFY_TEST_SECRET,
  skuMap: { 'SHOP-BV-DN50': 'VALVE-DN50' },
  apiKeyId: 'key1',
  createdAt: '2026-11-27T09:00:00.000Z',
  createdBy: { kind: 'staff', id: 'staff_admin', role: 'admin' },
};
const WOO: Storefront = { ...SHOP, storefrontId: 'sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3P', platform: 'woocommerce' };

function world() {
  const deps = {
    storefronts: makeInMemoryStorefrontRepository([SHOP, WOO]),
    inbox: makeInMemoryWebhookInbox(),
    events: makeRecordingPublisher(),
    clock: { now: () => new Date('2026-11-27T10:00:00Z') },
  };
  return { ...deps, receive: makeReceiveStorefrontWebhook(deps) };
}

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

function shopify(body: string, headers: Record<string, string> = shopifyHeaders(body, SHOPIFY_TEST_SECRET)) {
  return {
    platform: 'shopify' as const,
    storefrontId: SHOP.storefrontId,
    headers: lower(headers),
    rawBody: Buffer.from(body),
  };
}

describe('receiving a shop order webhook', () => {
  it('keeps a signed Shopify order under its event id and announces it with ids only', async () => {
    // Prepare
    const w = world();
    const body = fixture('shopify-order.json');

    // Act
    const answer = await w.receive(shopify(body));

    // Assess
    const orderId = storefrontOrderId(SHOP.storefrontId, '5812345678901');
    expect(answer).toEqual({ outcome: 'kept', orderId, deliveryId: '98880550-7158-44d4-b7cd-2c97c8a091b5' });
    expect(w.inbox.deliveries.size).toBe(1);
    expect([...w.inbox.deliveries.values()][0]).toMatchObject({
      topic: 'orders/create',
      externalRef: '5812345678901',
      mapping: { ok: true },
    });
    expect(w.events.published).toEqual([
      {
        type: 'StorefrontOrderReceived',
        detail: expect.objectContaining({ orderId, storefrontId: SHOP.storefrontId, topic: 'orders/create' }),
      },
    ]);
    expect(JSON.stringify(w.events.published)).not.toMatch(/northwind-industrial|@/);
  });

  it('answers a redelivery as a duplicate, and announces it again (the first announcement may be what failed)', async () => {
    // Prepare
    const w = world();
    const body = fixture('shopify-order.json');
    await w.receive(shopify(body));

    // Act
    const again = await w.receive(shopify(body));

    // Assess
    expect(again.outcome).toBe('duplicate');
    expect(w.inbox.deliveries.size).toBe(1);
    expect(w.events.published.map((event) => event.detail.changeId)).toEqual([
      `${SHOP.storefrontId}:98880550-7158-44d4-b7cd-2c97c8a091b5`,
      `${SHOP.storefrontId}:98880550-7158-44d4-b7cd-2c97c8a091b5`,
    ]);
  });

  it.each([
    ['missing', (headers: Record<string, string>) => ({ ...headers, 'X-Shopify-Hmac-Sha256': '' })],
    [
      'made with another secret',
      (headers: Record<string, string>, body: string) => ({
        ...headers,
        'X-Shopify-Hmac-Sha256': shopifyHeaders(body, 'another-secret-entirely')['X-Shopify-Hmac-Sha256'],
      }),
    ],
    [
      'over another body',
      (headers: Record<string, string>, body: string) => ({
        ...headers,
        'X-Shopify-Hmac-Sha256': shopifyHeaders(`${body} `, SHOPIFY_TEST_SECRET)['X-Shopify-Hmac-Sha256'],
      }),
    ],
  ])('refuses a signature %s (401) and keeps and announces nothing', async (_, tamper) => {
    // Prepare
    const w = world();
    const body = fixture('shopify-order.json');

    // Act
    const attempt = w.receive(shopify(body, tamper(shopifyHeaders(body, SHOPIFY_TEST_SECRET), body)));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnauthorizedError);
    expect(w.inbox.deliveries.size).toBe(0);
    expect(w.events.published).toEqual([]);
  });

  it('answers an unknown storefront exactly as a bad signature, so ids cannot be probed', async () => {
    // Prepare
    const w = world();
    const body = fixture('shopify-order.json');

    // Act
    const unknown = w.receive({ ...shopify(body), storefrontId: 'sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3Z' });
    const otherPlatform = w.receive({ ...shopify(body), storefrontId: WOO.storefrontId });

    // Assess
    await expect(unknown).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(otherPlatform).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('ignores topics it does not take, and refuses a signed body that is not JSON', async () => {
    // Prepare
    const w = world();
    const body = fixture('shopify-order.json');

    // Act
    const ignored = await w.receive(
      shopify(body, shopifyHeaders(body, SHOPIFY_TEST_SECRET, 'orders/fulfilled' as never)),
    );
    const notJson = w.receive(shopify('{not json', shopifyHeaders('{not json', SHOPIFY_TEST_SECRET)));

    // Assess
    expect(ignored).toEqual({ outcome: 'ignored-topic' });
    await expect(notJson).rejects.toBeInstanceOf(InvalidInputError);
    expect(w.events.published).toEqual([]);
  });

  it('keeps an order it cannot take, tells sales, and answers 200 so the shop does not retry for hours', async () => {
    // Prepare: a line without a SKU
    const w = world();
    const order = JSON.parse(fixture('shopify-order.json'));
    order.line_items[0].sku = '';
    const body = JSON.stringify(order);

    // Act
    const answer = await w.receive(shopify(body));

    // Assess
    expect(answer.outcome).toBe('unprocessable');
    expect(w.events.published).toEqual([
      {
        type: 'StorefrontOrderUnprocessable',
        detail: expect.objectContaining({ problems: [expect.stringMatching(/SKU/)] }),
      },
    ]);
  });

  it("answers WooCommerce's creation ping with no signature, and takes its signed order.created", async () => {
    // Prepare
    const w = world();
    const ping = wooCommercePing();
    const body = fixture('woocommerce-order.json');

    // Act
    const pinged = await w.receive({
      platform: 'woocommerce',
      storefrontId: WOO.storefrontId,
      headers: lower(ping.headers),
      rawBody: Buffer.from(ping.body),
    });
    const created = await w.receive({
      platform: 'woocommerce',
      storefrontId: WOO.storefrontId,
      headers: lower(wooCommerceHeaders(body, SHOPIFY_TEST_SECRET)),
      rawBody: Buffer.from(body),
    });

    // Assess
    expect(pinged).toEqual({ outcome: 'ping' });
    expect(created).toMatchObject({ outcome: 'kept', orderId: storefrontOrderId(WOO.storefrontId, '4127') });
  });
});
