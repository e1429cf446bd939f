import { generateKeyPairSync } from 'node:crypto';
import {
  LOCAL_STAFF_POOL,
  localIssuer,
  type StaffSigningKey,
  signingKey,
  signJwt,
  staffJwks,
} from '../../../../infra/local/staff-sign-in';
import { makeStaffTokenVerifier } from '../../../../shared/adapters/staff-token-verifier';

/** A key pair made for the test run: the "pool" the verifier trusts. */
export function newSigningKey(): StaffSigningKey {
  return signingKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

/** The verifier as the local authorizer builds it: the local pool, with its JWKS given (no fetching). */
export function verifierTrusting(key: StaffSigningKey) {
  return makeStaffTokenVerifier({ ...LOCAL_STAFF_POOL, jwks: staffJwks(key) });
}

/** Cognito access token claims for a member of `groups`, valid for an hour from now. */
export function accessClaims(groups: string[], overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'a1b2c3d4-0000-4000-8000-000000000001',
    'cognito:groups': groups,
    iss: localIssuer(),
    client_id: LOCAL_STAFF_POOL.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + 3600,
    jti: 'test-jti',
    ...overrides,
  };
}

export const tokenFor = (key: StaffSigningKey, groups: string[], overrides?: Record<string, unknown>) =>
  signJwt(key, accessClaims(groups, overrides));

/** A compact JWS with whatever header and payload, and the given signature part. */
export function rawJwt(header: object, payload: object, signature = ''): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}
