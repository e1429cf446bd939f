import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOPIFY_TEST_SECRET, shopifyHeaders } from '../../fixtures/storefronts/shopify-headers';
import {
  WOOCOMMERCE_TEST_SECRET,
  wooCommerceHeaders,
  wooCommercePing,
} from '../../fixtures/storefronts/woocommerce-headers';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/storefronts', name), 'utf8');
const shopifyOrder = JSON.parse(fixture('shopify-order.json'));

/** A Shopify order payload, as the fixture with changes, and the shop order id it carries. */
function shopOrder(changes: Record<string, unknown>) {
  return JSON.stringify({ ...shopifyOrder, ...changes });
}

interface WebhookAnswer {
  received?: boolean;
  outcome?: string;
  orderId?: string;
  error?: { code: string; message: string };
}

describe('storefronts: registry, keys and Shopify order webhooks on the local runtime', () => {
  let system: LocalSystem;
  let storefront: { storefrontId: string; apiKey: string; webhookSecret: string; webhookPath: string };

  /** Posts a webhook as Shopify does: the raw body, signed (or not), with its delivery headers. */
  const deliver = async (
    body: string,
    topic: Parameters<typeof shopifyHeaders>[2],
    eventId: string,
    headers: (signed: Record<string, string>) => Record<string, string> = (signed) => signed,
  ) => {
    const signed = {
      ...shopifyHeaders(body, storefront.webhookSecret, topic),
      'X-Shopify-Event-Id': eventId,
    };
    const started = performance.now();
    const response = await fetch(`${system.runtime.info.apiUrl}${storefront.webhookPath}`, {
      method: 'POST',
      headers: headers(signed),
      body,
    });
    const json = (await response.json()) as WebhookAnswer;
    return { status: response.status, json, ms: performance.now() - started };
  };
  const asShop = (path: string) =>
    system.api(path, { as: 'none', headers: { 'x-api-key': storefront.apiKey } });
  const ordersByRef = async (ref: string) =>
    (await asShop(`/orders?externalRef=${ref}`)).json.items as { orderId: string }[];

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
  }, 120_000);
  afterAll(async () => system?.stop());

  it('lets an admin register a storefront: its API key and webhook secret are shown once', async () => {
    // Act
    const body = {
      name: 'Northwind web shop',
      platform: 'shopify',
      webhookSecret: SHOPIFY_TEST_SECRET,
      defaultCurrency: 'USD',
      skuMap: { 'SHOP-BV-DN50': 'VALVE-DN50' },
    };
    const created = await system.api('/storefronts', {
      body,
      as: 'admin',
      headers: { 'Idempotency-Key': 'sf-1' },
    });
    const repeated = await system.api('/storefronts', {
      body,
      as: 'admin',
      headers: { 'Idempotency-Key': 'sf-1' },
    });
    const reused = await system.api('/storefronts', {
      body: { ...body, name: 'Another shop' },
      as: 'admin',
      headers: { 'Idempotency-Key': 'sf-1' },
    });
    const bySales = await system.api('/storefronts', { body, as: 'sales' });
    const invalid = await system.api('/storefronts', { body: { ...body, platform: 'magento' }, as: 'admin' });

    // Assess
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      storefrontId: expect.stringMatching(/^sf_/),
      name: 'Northwind web shop',
      platform: 'shopify',
      apiKey: expect.stringMatching(/^tfk_/),
      webhookSecret: SHOPIFY_TEST_SECRET,
      webhookPath: `/webhooks/shopify/${created.json.storefrontId}`,
    });
    expect(repeated.json).toEqual(created.json);
    expect(reused.status).toBe(422);
    expect(bySales.status).toBe(403);
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.message).toMatch(/shopify, woocommerce, custom/);
    storefront = created.json;
    const read = await system.api(`/storefronts/${storefront.storefrontId}`, { as: 'admin' });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.json)).not.toContain(SHOPIFY_TEST_SECRET);
    expect(JSON.stringify(read.json)).not.toContain(storefront.apiKey);
  });

  it("takes a new storefront's key at once, in its own usage plan bucket (429 past its burst)", async () => {
    // Act
    const first = await asShop('/orders?externalRef=none');
    const burst = await Promise.all(Array.from({ length: 140 }, () => asShop('/orders?externalRef=none')));

    // Assess: the storefronts plan gives each key 50 requests/s with a burst of 100.
    expect(first.status).toBe(200);
    expect(first.json.items).toEqual([]);
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(90);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // let the bucket refill
  });

  it('refuses a webhook whose signature is missing, wrong or over another body, and keeps nothing', async () => {
    // Prepare
    const body = shopOrder({ id: 7000000000001, admin_graphql_api_id: 'gid://shopify/Order/7000000000001' });

    // Act
    const missing = await deliver(
      body,
      'orders/create',
      'evt-bad-1',
      ({ 'X-Shopify-Hmac-Sha256': _, ...rest }) => rest,
    );
    const wrong = await deliver(body, 'orders/create', 'evt-bad-2', (signed) => ({
      ...signed,
      'X-Shopify-Hmac-Sha256': shopifyHeaders(body, 'not-the-secret-at-all')['X-Shopify-Hmac-Sha256'],
    }));
    const tampered = await deliver(body, 'orders/create', 'evt-bad-3', (signed) => ({
      ...signed,
      'X-Shopify-Hmac-Sha256': shopifyHeaders(body.replace('200', '900'), storefront.webhookSecret)[
        'X-Shopify-Hmac-Sha256'
      ],
    }));
    const unknownShop = await fetch(
      `${system.runtime.info.apiUrl}/webhooks/shopify/sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N`,
      {
        method: 'POST',
        headers: shopifyHeaders(body, storefront.webhookSecret),
        body,
      },
    );

    // Assess
    for (const refused of [missing, wrong, tampered]) {
      expect(refused.status).toBe(401);
      expect(refused.json.error?.code).toBe('UNAUTHORIZED');
    }
    expect(missing.json.error?.message).toMatch(/x-shopify-hmac-sha256 header is missing/);
    expect(unknownShop.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ordersByRef('7000000000001')).toEqual([]);
  });

  it('makes one order of a shop order whose orders/paid arrives before orders/create, and counts the payment once', async () => {
    // Prepare
    const ref = '7000000000002';
    const ids = { id: Number(ref), admin_graphql_api_id: `gid://shopify/Order/${ref}` };
    const paid = shopOrder({ ...ids, financial_status: 'paid' });
    const created = shopOrder({ ...ids, financial_status: 'pending' });

    // Act: paid first, then its redelivery, then the late create
    const first = await deliver(paid, 'orders/paid', 'evt-paid-1');
    const again = await deliver(paid, 'orders/paid', 'evt-paid-1');
    const [order] = await eventually(
      async () => {
        const found = await ordersByRef(ref);
        return found.length ? found : undefined;
      },
      20_000,
      'the order made from orders/paid',
    );
    const paidOrder = await eventually(
      async () => {
        const read = await asShop(`/orders/${order.orderId}`);
        return read.json.payments?.length ? read.json : undefined;
      },
      20_000,
      'the payment from orders/paid',
    );
    const late = await deliver(created, 'orders/create', 'evt-create-1');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await asShop(`/orders/${order.orderId}`);

    // Assess
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ received: true, outcome: 'kept', orderId: order.orderId });
    expect(first.ms).toBeLessThan(1000 * 5); // answers at once; the work goes on asynchronously
    expect(again.json.outcome).toBe('duplicate');
    expect(late.json.outcome).toBe('kept');
    expect(await ordersByRef(ref)).toHaveLength(1);
    expect(paidOrder).toMatchObject({ externalRef: ref, externalName: '#1042', currency: 'USD' });
    expect(paidOrder.lines.map((line: { sku: string }) => line.sku)).toEqual(['VALVE-DN50', 'PUMP-3KW']);
    expect(after.json.payments).toHaveLength(1);
    // The shop's total also has its shipping and tax; "paid" settles our order's goods, once.
    expect(after.json.payments[0].amount).toBe(paidOrder.totals.total);
    expect(after.json).toMatchObject({ paid: paidOrder.totals.total, outstanding: '0.00' });
  });

  it('keeps storefronts apart: another storefront neither reads nor finds the order', async () => {
    // Prepare
    const [order] = await ordersByRef('7000000000002');

    // Act
    const read = await system.api(`/orders/${order.orderId}`, { as: 'storefront' });
    const listed = await system.api('/orders?externalRef=7000000000002', { as: 'storefront' });
    const byStaff = await system.api('/orders?externalRef=7000000000002', { as: 'sales' });

    // Assess
    expect(read.status).toBe(404);
    expect(listed.json.items).toEqual([]);
    expect(byStaff.json.items.map((o: { orderId: string }) => o.orderId)).toEqual([order.orderId]);
  });

  it('cancels the order when the shop cancels it', async () => {
    // Prepare
    const ref = '7000000000003';
    const ids = { id: Number(ref), admin_graphql_api_id: `gid://shopify/Order/${ref}` };
    await deliver(shopOrder({ ...ids, financial_status: 'pending' }), 'orders/create', 'evt-c-1');
    const [order] = await eventually(async () => {
      const found = await ordersByRef(ref);
      return found.length ? found : undefined;
    }, 20_000);

    // Act
    const cancelled = await deliver(
      shopOrder({
        ...ids,
        financial_status: 'pending',
        cancelled_at: '2026-11-27T10:00:00Z',
        cancel_reason: 'customer',
      }),
      'orders/cancelled',
      'evt-c-2',
    );

    // Assess
    expect(cancelled.status).toBe(200);
    await eventually(
      async () => {
        const read = await asShop(`/orders/${order.orderId}`);
        return read.json.status === 'CANCELLED' ? read.json : undefined;
      },
      20_000,
      'the cancellation',
    );
  });

  it("takes WooCommerce's creation ping, then its signed order.created and order.updated, as one order", async () => {
    // Prepare
    const registered = await system.api('/storefronts', {
      body: {
        name: 'Müller Haustechnik shop',
        platform: 'woocommerce',
        webhookSecret: WOOCOMMERCE_TEST_SECRET,
        skuMap: { 'WC-BV-50': 'VALVE-DN50' },
      },
      as: 'admin',
    });
    const woo = registered.json as { storefrontId: string; webhookPath: string; apiKey: string };
    const post = async (body: string, headers: Record<string, string>) => {
      const response = await fetch(`${system.runtime.info.apiUrl}${woo.webhookPath}`, {
        method: 'POST',
        headers,
        body,
      });
      return { status: response.status, json: (await response.json()) as WebhookAnswer };
    };
    const order = fixture('woocommerce-order.json');
    const ping = wooCommercePing();

    // Act
    const pinged = await post(ping.body, ping.headers);
    const created = await post(order, wooCommerceHeaders(order, WOOCOMMERCE_TEST_SECRET, 'order.created'));
    const updated = await post(order, {
      ...wooCommerceHeaders(order, WOOCOMMERCE_TEST_SECRET, 'order.updated'),
      'X-WC-Webhook-Delivery-ID': 'another-delivery',
    });
    const found = await eventually(
      async () => {
        const listed = await system.api('/orders?externalRef=4127', {
          as: 'none',
          headers: { 'x-api-key': woo.apiKey },
        });
        return listed.json.items?.length ? listed.json.items : undefined;
      },
      20_000,
      'the WooCommerce order',
    );

    // Assess
    expect(registered.json.webhookPath).toBe(`/webhooks/woocommerce/${woo.storefrontId}`);
    expect(pinged).toEqual({ status: 200, json: { received: true, outcome: 'ping' } });
    expect(created.json).toMatchObject({ outcome: 'kept', orderId: found[0].orderId });
    expect(updated.json).toMatchObject({ outcome: 'kept', orderId: found[0].orderId });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ externalRef: '4127', currency: 'EUR' });
  });
});
