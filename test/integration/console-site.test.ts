import type { IncomingMessage } from 'node:http';
import { isLoopback } from '../../infra/local/console/console-site';
import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from './support/local-system';
import { openEventStream } from './support/sse-client';

/** The staff console as `npm start` serves it, on the API's address, and the board's list filters. */
describe('the staff console on the local runtime', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
  });
  afterAll(() => system.stop());

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${system.runtime.info.apiUrl}${path}`, { redirect: 'manual', ...init });

  it('is at /console/ on the API address, named in local.json, with its bundle and a strict CSP', async () => {
    // Act
    const bare = await get('/console');
    const page = await get('/console/');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map(([, name]) => name);
    const answers = await Promise.all(
      assets.map(async (name) => [name, (await get(`/console/${name}`)).status]),
    );
    // Assess
    expect(system.runtime.info.consoleUrl).toBe(`${system.runtime.info.apiUrl}/console/`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(assets.sort()).toEqual(['app.css', 'app.js']);
    expect(answers).toEqual([
      ['app.css', 200],
      ['app.js', 200],
    ]);
    expect(html).not.toMatch(/<script>|style=/);
  });

  it('gives config.json with the dev token of every role to a browser on this machine, never cached', async () => {
    // Act
    const response = await get('/console/config.json');
    const config = await response.json();
    // Assess
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(config).toEqual({
      apiUrl: '/',
      feed: { kind: 'sse', url: '/console/feed' },
      signIn: { kind: 'local', tokens: system.runtime.info.staffTokens },
    });
  });

  it('tells loopback callers from others (only the former get dev tokens)', () => {
    // Prepare
    const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;
    // Act + Assess
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((address) => isLoopback(from(address)))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['192.168.1.20', '::ffff:10.0.0.5', ''].map((address) => isLoopback(from(address)))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("sends a staff email's order link (/console/orders/<id>) to the console's route for it", async () => {
    // Act
    const response = await get('/console/orders/ord_01J0000000000000000000000A');
    // Assess
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console/#/orders/ord_01J0000000000000000000000A');
    expect((await get('/console/nothing.js')).status).toBe(404);
  });

  it('streams the live feed under its own origin, refusing a request without a valid token', async () => {
    // Prepare
    const feed = `${system.runtime.info.apiUrl}/console/feed`;
    // Act
    const refused = await openEventStream(`${feed}?token=not-a-token`);
    const stream = await openEventStream(`${feed}?token=${system.runtime.info.staffTokens.sales}`);
    const customer = await system.api('/customers', { body: customerBody });
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
    // Assess
    expect(refused.ok).toBe(false);
    expect([401, 403]).toContain(refused.status);
    if (!stream.ok) throw new Error(`the feed answered ${stream.status}`);
    try {
      const event = await stream.next(undefined, 30_000);
      expect(JSON.parse(event.data)).toEqual(
        expect.objectContaining({ type: 'OrderReceived', orderId: placed.json.orderId }),
      );
    } finally {
      stream.close();
    }
    await eventually(
      async () => (system.runtime.feed?.connections() === 0 ? true : undefined),
      10_000,
      'disconnect',
    );
  });

  it("lists orders by destination country, with the wait's due time, for the board", async () => {
    // Prepare
    const customer = await system.api('/customers', {
      body: { ...customerBody, email: 'other@buyer.example' },
    });
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
    await eventually(
      async () =>
        (await system.api(`/orders/${placed.json.orderId}`, { as: 'sales' })).json?.status ===
        'AWAITING_DEPOSIT'
          ? true
          : undefined,
      45_000,
      'AWAITING_DEPOSIT',
    );
    // Act
    const germany = await system.api('/orders?status=AWAITING_DEPOSIT&country=DE', { as: 'sales' });
    const france = await system.api('/orders?status=AWAITING_DEPOSIT&country=FR', { as: 'sales' });
    const bad = await system.api('/orders?status=AWAITING_DEPOSIT&country=Germany', { as: 'sales' });
    // Assess
    expect(germany.status).toBe(200);
    expect(germany.json.items).toContainEqual(
      expect.objectContaining({
        orderId: placed.json.orderId,
        destinationCountry: 'DE',
        waitingFor: 'deposit',
        waitDueAt: expect.any(String),
      }),
    );
    expect(france.json.items).toEqual([]);
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('country');
  }, 90_000);
});
