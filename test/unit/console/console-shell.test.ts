import { filtersFrom, queryOf } from '../../../console/src/pages/orders/board-data';
import { isStalled } from '../../../console/src/pages/orders/stalled';
import { ApiRequestError, createApiClient } from '../../../console/src/shell/api-client';
import type { ConsolePage } from '../../../console/src/shell/contract';
import { preferredLanguage } from '../../../console/src/shell/i18n';
import { currentEntry, navigationFor } from '../../../console/src/shell/navigation';
import { matchRoute, parseHash } from '../../../console/src/shell/router';
import { sessionFromToken, tokenClaims } from '../../../console/src/shell/session';

const page = (route: string, extra: Partial<ConsolePage> = {}): ConsolePage => ({
  route,
  titleKey: route,
  render: async () => undefined,
  messages: { en: {}, 'zh-CN': {} },
  ...extra,
});

const jwt = (claims: Record<string, unknown>) =>
  ['{}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.sig';

describe("the console's shell", () => {
  it('routes the hash to the page, the more specific route first, parameters decoded', () => {
    // Prepare
    const pages = [page('/orders'), page('/orders/:id'), page('/orders/new')];
    // Act
    const order = matchRoute(pages, parseHash('#/orders/ord%2F1?x=1').path);
    const fresh = matchRoute(pages, '/orders/new');
    // Assess
    expect(order?.page.route).toBe('/orders/:id');
    expect(order?.params).toEqual({ id: 'ord/1' });
    expect(fresh?.page.route).toBe('/orders/new');
    expect(matchRoute(pages, '/nowhere')).toBeUndefined();
    expect(parseHash('').path).toBe('/orders');
    expect(parseHash('#/orders?country=DE').query.get('country')).toBe('DE');
  });

  it("builds the menu from the pages' nav, for the role, in group order", () => {
    // Prepare
    const pages = [
      page('/finance', { nav: { group: 'finance', order: 1 }, roles: ['finance'] }),
      page('/orders', { nav: { group: 'orders', order: 1 } }),
      page('/orders/:id'),
      page('/quotes', { nav: { group: 'sales', order: 2 } }),
      page('/inquiries', { nav: { group: 'sales', order: 1 } }),
    ];
    // Act
    const sales = navigationFor(pages, 'sales');
    // Assess
    expect(sales.map((entry) => [entry.group, entry.pages.map((p) => p.route)])).toEqual([
      ['orders', ['/orders']],
      ['sales', ['/inquiries', '/quotes']],
    ]);
    expect(navigationFor(pages, 'finance').map((entry) => entry.group)).toContain('finance');
    expect(currentEntry(pages, '/orders/ord_1')?.route).toBe('/orders');
  });

  it("reads the role and expiry from the token's claims, refusing none or several roles and expired ones", () => {
    // Prepare
    const now = Date.UTC(2026, 10, 27);
    const exp = now / 1000 + 3600;
    // Act + Assess
    expect(sessionFromToken(jwt({ 'cognito:groups': ['finance'], exp }), now)).toEqual({
      token: jwt({ 'cognito:groups': ['finance'], exp }),
      role: 'finance',
      expiresAt: exp * 1000,
    });
    expect(sessionFromToken(jwt({ 'cognito:groups': ['finance', 'sales'], exp }), now)).toBeUndefined();
    expect(sessionFromToken(jwt({ exp }), now)).toBeUndefined();
    expect(
      sessionFromToken(jwt({ 'cognito:groups': ['finance'], exp: now / 1000 - 1 }), now),
    ).toBeUndefined();
    expect(tokenClaims('not a token')).toBeUndefined();
  });

  it('picks the language chosen before, else Chinese for a Chinese browser, else English', () => {
    // Act + Assess
    expect(preferredLanguage('zh-CN', ['en-GB'])).toBe('zh-CN');
    expect(preferredLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(preferredLanguage('fr', ['de-DE'])).toBe('en');
  });

  it('calls the API with the bearer token, JSON, an Idempotency-Key on POST; errors as the API words them', async () => {
    // Prepare
    const calls: { url: string; init: RequestInit }[] = [];
    const answers = [
      new Response(JSON.stringify({ orderId: 'ord_1' }), { status: 200 }),
      new Response(
        JSON.stringify({ error: { code: 'CONFLICT', message: 'The order is IN_TRANSIT', field: 'status' } }),
        { status: 409 },
      ),
      new Response('', { status: 401 }),
    ];
    let unauthorized = 0;
    const api = createApiClient({
      baseUrl: 'https://console.example/v1/',
      token: 'tok',
      onUnauthorized: () => unauthorized++,
      describe: (status) => `status ${status}`,
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init ?? {} });
        return answers.shift()!;
      },
    });
    // Act
    const ok = await api.post('/orders/ord_1/payments', { amount: '1.00' }, { idempotencyKey: 'key-1' });
    const conflict = await api.get('/orders/ord_1').catch((error: unknown) => error);
    const expired = await api.get('/orders').catch((error: unknown) => error);
    // Assess
    expect(ok).toEqual({ orderId: 'ord_1' });
    expect(calls[0].url).toBe('https://console.example/v1/orders/ord_1/payments');
    expect(calls[0].init.headers).toMatchObject({
      authorization: 'Bearer tok',
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
    });
    expect(calls[0].init.body).toBe('{"amount":"1.00"}');
    expect(conflict).toBeInstanceOf(ApiRequestError);
    expect(conflict).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      message: 'The order is IN_TRANSIT',
      field: 'status',
    });
    expect(expired).toMatchObject({ status: 401, message: 'status 401' });
    expect(unauthorized).toBe(1);
  });

  it('gives every POST its own Idempotency-Key when the page names none', async () => {
    // Prepare
    const keys: string[] = [];
    const api = createApiClient({
      baseUrl: '/',
      token: 't',
      onUnauthorized: () => undefined,
      describe: String,
      fetch: async (_url, init) => {
        keys.push(((init?.headers ?? {}) as Record<string, string>)['idempotency-key'] ?? '');
        return new Response('{}', { status: 201 });
      },
    });
    // Act
    await api.post('/a', {});
    await api.post('/a', {});
    // Assess
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("keeps the board's filters in the address and marks overdue or escalated orders stalled", () => {
    // Prepare
    const now = Date.UTC(2026, 10, 27);
    // Act
    const filters = filtersFrom(new URLSearchParams('country=de&owner=stf_1&stalled=1'));
    // Assess
    expect(filters).toEqual({ customerId: undefined, country: 'DE', owner: 'stf_1', stalledOnly: true });
    expect(queryOf(filters)).toBe('?country=DE&owner=stf_1&stalled=1');
    expect(queryOf({})).toBe('');
    expect(isStalled({ escalatedLevel: 1 }, now)).toBe(true);
    expect(isStalled({ waitDueAt: new Date(now - 1).toISOString() }, now)).toBe(true);
    expect(isStalled({ waitDueAt: new Date(now + 60_000).toISOString() }, now)).toBe(false);
    expect(isStalled({}, now)).toBe(false);
  });
});
