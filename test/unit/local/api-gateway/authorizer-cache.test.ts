import { type LocalApiGateway, startLocalApiGateway } from '../../../../infra/local/api-gateway/api-gateway';
import { AuthorizerCache } from '../../../../infra/local/api-gateway/authorizer-cache';
import { UsagePlans } from '../../../../infra/local/api-gateway/usage-plans';
import { topology } from '../../../../infra/topology';
import type { Credential } from '../../../../shared/ports/credentials';
import type { StaffTokenVerifier } from '../../../../shared/ports/staff-tokens';
import { makeAuthorizeRequest } from '../../../../shared/use-cases/authorize-request';

const storefront: Credential = {
  kind: 'storefront',
  id: 'sf_1',
  name: 'Shop',
  usageKey: 'key-1',
  enabled: true,
};
// Staff tokens are JWTs: this fake verifier knows one, shaped as a JWT so the authorizer tries it.
const FIN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1X2ZpbiJ9.c2ln';
const staffTokens: StaffTokenVerifier = {
  verify: async (token) =>
    token === FIN
      ? { ok: true, staff: { sub: 'u_fin', role: 'finance' } }
      : { ok: false, reason: 'JwtInvalidSignatureError' },
};

/** The gateway with the real authorizer use case and a results cache keyed on `Authorization`. */
async function gateway(resultsTtlSeconds: number) {
  const credentials = new Map<string, Credential>([['key-1', { ...storefront }]]);
  const authorize = makeAuthorizeRequest({
    credentials: { findBySecret: async (secret) => credentials.get(secret), put: async () => undefined },
    staffTokens,
    staffUsageKey: 'staff-key',
  });
  const calls: string[] = [];
  let clock = 1_000_000;
  const started: LocalApiGateway = await startLocalApiGateway({
    host: '127.0.0.1',
    port: 0,
    api: {
      ...topology.api,
      authorizer: { ...topology.api.authorizer, identitySources: ['Authorization'], resultsTtlSeconds },
    },
    context: { apiId: 'local', stage: 'v1', accountId: '000000000000', region: 'us-east-1' },
    usagePlans: new UsagePlans(topology.api.usagePlans, [
      { id: 'k1', value: 'key-1', name: 'shop', plan: 'storefronts', enabled: true },
      { id: 'ks', value: 'staff-key', name: 'staff', plan: 'staff', enabled: true },
    ]),
    invoke: async (name, event) => {
      calls.push(name);
      if (name === topology.api.authorizer.function) {
        const { methodArn, headers } = event as { methodArn: string; headers: Record<string, string> };
        return authorize({ methodArn, headers });
      }
      return { statusCode: 200, body: JSON.stringify({ function: name }) };
    },
    now: () => clock,
  });
  const call = async (method: string, path: string, authorization?: string) => {
    const response = await fetch(`${started.url}${path}`, {
      method,
      headers: authorization ? { authorization } : {},
      body: method === 'GET' ? undefined : '{}',
    });
    await response.text();
    return response.status;
  };
  return {
    call,
    authorizerCalls: () => calls.filter((name) => name === topology.api.authorizer.function).length,
    advance: (ms: number) => {
      clock += ms;
    },
    revoke: (secret: string) => {
      credentials.get(secret)!.enabled = false;
    },
    gateway: started,
  };
}

describe("the local API Gateway's authorizer results cache", () => {
  let api: Awaited<ReturnType<typeof gateway>> | undefined;
  afterEach(async () => {
    await api?.gateway.close();
    api = undefined;
  });

  it('calls the authorizer once per identity and checks each route against the cached policy', async () => {
    // Prepare
    api = await gateway(300);

    // Act
    const first = await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);
    const second = await api.call('POST', '/orders/ord_1/payments', `Bearer ${FIN}`);
    const notAllowed = await api.call('POST', '/orders/ord_1/packing', `Bearer ${FIN}`);

    // Assess
    expect([first, second, notAllowed]).toEqual([200, 200, 403]);
    expect(api.authorizerCalls()).toBe(1);
    expect(api.gateway.authorizerCalls()).toBe(1);
  });

  it('calls the authorizer again for another identity', async () => {
    // Prepare
    api = await gateway(300);

    // Act
    await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);
    const storefrontStatus = await api.call('GET', '/orders/ord_1', 'Bearer key-1');

    // Assess
    expect(storefrontStatus).toBe(200);
    expect(api.authorizerCalls()).toBe(2);
  });

  it('calls the authorizer again once the TTL has passed on the wall clock', async () => {
    // Prepare
    api = await gateway(300);
    await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);

    // Act
    api.advance(299_999);
    await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);
    const callsWithinTtl = api.authorizerCalls();
    api.advance(1);
    await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);

    // Assess
    expect(callsWithinTtl).toBe(1);
    expect(api.authorizerCalls()).toBe(2);
  });

  it('caches a Deny too', async () => {
    // Prepare
    api = await gateway(300);

    // Act
    const statuses = [
      await api.call('GET', '/orders/ord_1', `Bearer ${FIN}x`),
      await api.call('POST', '/orders', `Bearer ${FIN}x`),
    ];

    // Assess
    expect(statuses).toEqual([403, 403]);
    expect(api.authorizerCalls()).toBe(1);
  });

  it('keeps allowing a revoked credential until its cached answer expires, as API Gateway does', async () => {
    // Prepare
    api = await gateway(300);
    await api.call('GET', '/orders/ord_1', 'Bearer key-1');

    // Act
    api.revoke('key-1');
    const whileCached = await api.call('GET', '/orders/ord_1', 'Bearer key-1');
    api.advance(300_000);
    const afterTtl = await api.call('GET', '/orders/ord_1', 'Bearer key-1');

    // Assess
    expect(whileCached).toBe(200);
    expect(afterTtl).toBe(403);
  });

  it('answers 401 without calling the authorizer when an identity source is missing or empty', async () => {
    // Prepare
    api = await gateway(300);

    // Act
    const missing = await api.call('GET', '/orders/ord_1');
    const empty = await api.call('GET', '/orders/ord_1', ' ');

    // Assess
    expect([missing, empty]).toEqual([401, 401]);
    expect(api.authorizerCalls()).toBe(0);
  });

  it('calls the authorizer on every request with a TTL of 0', async () => {
    // Prepare
    api = await gateway(0);

    // Act
    await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);
    await api.call('GET', '/orders/ord_1', `Bearer ${FIN}`);

    // Assess
    expect(api.authorizerCalls()).toBe(2);
  });
});

describe('the authorizer cache settings', () => {
  it('refuses caching without identity sources and a TTL outside 0 to 3600 s', () => {
    expect(() => new AuthorizerCache({ identitySources: [], resultsTtlSeconds: 300 })).toThrow(
      /identity sources/,
    );
    expect(
      () => new AuthorizerCache({ identitySources: ['Authorization'], resultsTtlSeconds: 3601 }),
    ).toThrow(/0 to 3600/);
  });

  it('keys on every declared source, whatever the header case', () => {
    const cache = new AuthorizerCache({
      identitySources: ['Authorization', 'X-Tenant'],
      resultsTtlSeconds: 60,
    });
    expect(cache.identity({ authorization: 'Bearer a', 'x-tenant': 't1' })).toBe(
      cache.identity({ AUTHORIZATION: 'Bearer a', 'X-Tenant': 't1' }),
    );
    expect(cache.identity({ authorization: 'Bearer a' })).toBeUndefined();
    expect(new AuthorizerCache({ identitySources: [], resultsTtlSeconds: 0 }).identity({})).toBe('');
  });
});
