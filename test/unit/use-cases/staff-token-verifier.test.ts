import { createHmac, createPublicKey } from 'node:crypto';
import { LOCAL_STAFF_POOL, signingKey, signJwt } from '../../../infra/local/staff-sign-in';
import { makeStaffTokenVerifier, parseStaffJwks } from '../../../shared/adapters/staff-token-verifier';
import { STAFF_ROLES } from '../../../shared/domain/staff-roles';
import { accessClaims, newSigningKey, rawJwt, tokenFor, verifierTrusting } from './support/staff-tokens';

describe('the staff token verifier', () => {
  // Prepare: the pool's key, and a stranger's key (a forger's)
  const key = newSigningKey();
  const forger = newSigningKey();
  const verifier = verifierTrusting(key);

  it.each(STAFF_ROLES)('accepts a good access token of a %s, with its sub and role', async (role) => {
    // Act
    const check = await verifier.verify(tokenFor(key, [role]));

    // Assess
    expect(check).toEqual({ ok: true, staff: { sub: 'a1b2c3d4-0000-4000-8000-000000000001', role } });
  });

  it('ignores groups that are no role', async () => {
    // Act
    const check = await verifier.verify(tokenFor(key, ['beta-testers', 'finance']));

    // Assess
    expect(check).toMatchObject({ ok: true, staff: { role: 'finance' } });
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['expired', () => tokenFor(key, ['finance'], { exp: now() - 1 }), 'JwtExpiredError'],
    ['not yet valid', () => tokenFor(key, ['finance'], { nbf: now() + 600 }), 'JwtNotBeforeError'],
    [
      'from another issuer',
      () =>
        tokenFor(key, ['finance'], { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }),
      'ParameterValidationError',
    ],
    [
      'for another client',
      () => tokenFor(key, ['finance'], { client_id: 'someoneelse' }),
      'CognitoJwtInvalidClientIdError',
    ],
    [
      'an ID token',
      () => tokenFor(key, ['finance'], { token_use: 'id', aud: LOCAL_STAFF_POOL.clientId }),
      'CognitoJwtInvalidTokenUseError',
    ],
    [
      'signed by another key under the same kid',
      () => signJwt({ ...forger, kid: key.kid }, accessClaims(['admin'])),
      'JwtInvalidSignatureError',
    ],
    [
      'signed by a key the pool does not have (no fetch)',
      () => tokenFor(forger, ['admin']),
      'UnknownSigningKeyError',
    ],
    [
      'tampered with after signing (finance → admin)',
      () => {
        const [header, , signature] = tokenFor(key, ['finance']).split('.');
        const payload = Buffer.from(JSON.stringify(accessClaims(['admin']))).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
      'JwtInvalidSignatureError',
    ],
    [
      'unsigned (alg none)',
      () => rawJwt({ alg: 'none', kid: key.kid }, accessClaims(['admin'])),
      'JwtParseError',
    ],
    [
      'claiming alg none with a signature',
      () => rawJwt({ alg: 'none', kid: key.kid }, accessClaims(['admin']), 'c2lnbmF0dXJl'),
      'JwtInvalidSignatureAlgorithmError',
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      () => {
        const signed = rawJwt({ alg: 'HS256', kid: key.kid, typ: 'JWT' }, accessClaims(['admin'])).slice(
          0,
          -1,
        );
        const secret = createPublicKey(key.privateKey).export({ type: 'spki', format: 'pem' });
        return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
      },
      'JwtInvalidSignatureAlgorithmError',
    ],
    ['in no group', () => tokenFor(key, []), 'NoRoleGroup'],
    ['without the groups claim', () => tokenFor(key, [], { 'cognito:groups': undefined }), 'NoRoleGroup'],
    ['in an unknown group only', () => tokenFor(key, ['ceo']), 'NoRoleGroup'],
    [
      'in several role groups (admin and sales)',
      () => tokenFor(key, ['admin', 'sales']),
      'SeveralRoleGroups',
    ],
    ['not a JWT at all', () => 'tfs_finance_abc', 'JwtParseError'],
  ])('refuses a token %s', async (_case, token, reason) => {
    // Act
    const check = await verifier.verify(token());

    // Assess
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^${reason}$`)) });
  });

  it('refuses a kid it does not know without fetching anything', async () => {
    // Prepare
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const https = jest.requireActual<typeof import('node:https')>('node:https');
    const request = jest.spyOn(https, 'request');

    // Act
    const check = await verifier.verify(tokenFor(signingKey(forger.privateKey), ['admin']));

    // Assess
    expect(check.ok).toBe(false);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(request).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    request.mockRestore();
  });

  it('accepts Cognito’s global issuer form for the same pool', async () => {
    // Prepare
    const [region] = LOCAL_STAFF_POOL.userPoolId.split('_');
    const iss = `https://issuer-cognito-idp.${region}.amazonaws.com/${LOCAL_STAFF_POOL.userPoolId}`;

    // Act
    const check = await verifier.verify(tokenFor(key, ['logistics'], { iss }));

    // Assess
    expect(check).toMatchObject({ ok: true, staff: { role: 'logistics' } });
  });
});

describe('the staff token configuration', () => {
  it('parses the JWKS from its variable and refuses anything else at cold start', () => {
    // Prepare
    const key = newSigningKey();
    const jwks = JSON.stringify({ keys: [{ kty: 'RSA', kid: key.kid, n: 'AQAB', e: 'AQAB' }] });

    // Act / Assess
    expect(parseStaffJwks(jwks).keys).toHaveLength(1);
    expect(() => parseStaffJwks('{"keys": "none"}')).toThrow(/STAFF_JWKS is no JWKS/);
    expect(() => parseStaffJwks('not json')).toThrow(/STAFF_JWKS is no JWKS/);
  });

  it('refuses a pool id that is not Cognito’s form', () => {
    // Act
    const make = () => makeStaffTokenVerifier({ userPoolId: 'my-pool', clientId: 'c' });

    // Assess
    expect(make).toThrow(/Invalid Cognito User Pool ID/);
  });
});
