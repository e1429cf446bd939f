import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalInfo } from '../../infra/local/runtime';
import {
  DEV_TOKEN_VALIDITY_SECONDS,
  LOCAL_STAFF_POOL,
  loadStaffSigningKey,
  localIssuer,
  signingKey,
  signJwt,
} from '../../infra/local/staff-sign-in';
import { STAFF_ROLES, type StaffRole } from '../../infra/topology/types';
import { type LocalSystem, startLocalSystem } from './support/local-system';

const ORDER = 'ord_01J0000000000000000000000A';
const QUOTE = 'quo_01J0000000000000000000000A';

/** Per role: a route it may call (sent an empty body: the handler answers 400 or 404) and one it may not. */
const probes: Record<StaffRole, { allowed: [string, string]; denied: [string, string] }> = {
  sales: { allowed: ['POST', `/orders/${ORDER}/cancel`], denied: ['POST', `/orders/${ORDER}/payments`] },
  finance: { allowed: ['POST', `/orders/${ORDER}/payments`], denied: ['POST', `/orders/${ORDER}/packing`] },
  procurement: { allowed: ['POST', '/products'], denied: ['POST', `/orders/${ORDER}/credit-decision`] },
  warehouse: { allowed: ['POST', `/orders/${ORDER}/packing`], denied: ['POST', '/products'] },
  logistics: { allowed: ['POST', `/orders/${ORDER}/delivery`], denied: ['POST', '/orders'] },
  admin: { allowed: ['PUT', '/inventory/SKU-NONE'], denied: ['POST', `/orders/${ORDER}/payments`] },
  'sales-manager': {
    allowed: ['POST', `/quotes/${QUOTE}/approve`],
    denied: ['POST', `/orders/${ORDER}/cancel`],
  },
};

const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('staff sign-in on the local runtime', () => {
  let system: LocalSystem;
  let info: LocalInfo;

  beforeAll(async () => {
    system = await startLocalSystem();
    info = JSON.parse(readFileSync(join(system.dataDir, 'local.json'), 'utf8'));
  });
  afterAll(() => system.stop());

  const call = (method: string, path: string, authorization: string) =>
    system.api(path, { method, body: {}, as: 'none', headers: { authorization } });

  it('writes a Cognito-shaped access token per role to local.json, valid for 30 days', () => {
    // Assess
    expect(Object.keys(info.staffTokens).sort()).toEqual([...STAFF_ROLES].sort());
    for (const role of STAFF_ROLES) {
      const claims = payloadOf(info.staffTokens[role]);
      expect(claims).toMatchObject({
        iss: localIssuer(),
        client_id: LOCAL_STAFF_POOL.clientId,
        token_use: 'access',
        'cognito:groups': [role],
      });
      expect(claims.exp - claims.iat).toBe(DEV_TOKEN_VALIDITY_SECONDS);
    }
  });

  it.each(STAFF_ROLES)('lets a %s call its routes and nothing else', async (role) => {
    // Prepare
    const bearer = `Bearer ${info.staffTokens[role]}`;
    const { allowed, denied } = probes[role];

    // Act
    const yes = await call(...allowed, bearer);
    const no = await call(...denied, bearer);

    // Assess
    expect([400, 404]).toContain(yes.status);
    expect(no.status).toBe(403);
    expect(no.json.error.code).toBe('FORBIDDEN');
  });

  it.each([
    [
      'signed with another key under the same kid',
      () => {
        const real = loadStaffSigningKey(system.dataDir);
        const forger = signingKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
        return signJwt({ ...forger, kid: real.kid }, payloadOf(info.staffTokens.admin));
      },
    ],
    [
      'signed with a key the runtime does not know',
      () =>
        signJwt(
          signingKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
          payloadOf(info.staffTokens.admin),
        ),
    ],
    [
      'expired',
      () =>
        signJwt(loadStaffSigningKey(system.dataDir), {
          ...payloadOf(info.staffTokens.finance),
          exp: Math.floor(Date.now() / 1000) - 60,
        }),
    ],
    [
      'in two role groups',
      () =>
        signJwt(loadStaffSigningKey(system.dataDir), {
          ...payloadOf(info.staffTokens.finance),
          'cognito:groups': ['admin', 'finance'],
        }),
    ],
    ['of the old kind (tfs_)', () => 'tfs_finance_AAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('answers 403 to a token %s, as API Gateway does', async (_case, token) => {
    // Act
    const response = await call('POST', `/orders/${ORDER}/payments`, `Bearer ${token()}`);

    // Assess
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('FORBIDDEN');
  });

  it('keeps its signing key across restarts, so tokens issued before still work', async () => {
    // Prepare
    const before = info.staffTokens.finance;

    // Act
    await system.restart();
    const response = await call('POST', `/orders/${ORDER}/payments`, `Bearer ${before}`);

    // Assess
    expect([400, 404]).toContain(response.status);
    expect(system.runtime.info.staffTokens.finance).not.toBe(before);
  });
});
