import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { STAFF_ROLES, type StaffRole } from '../../shared/domain/staff-roles';
import type { StaffSignInNames } from '../topology/environment';
import { LOCAL_REGION } from './local-aws';

/**
 * The local stand-in for the staff user pool: an RS256 key pair made once in the data dir, and an
 * access token per role signed with it, shaped as Cognito's (issuer, `cognito:groups`, `token_use`,
 * `client_id`). The authorizer checks them with the same code as on AWS; only its configuration
 * differs (this pool id and client id, and the JWKS handed over in its environment).
 */
export const LOCAL_STAFF_POOL = {
  // A pool id of Cognito's form, so the issuer is Cognito's form too; nothing is ever fetched from it.
  userPoolId: `${LOCAL_REGION}_tradeflowLocal`,
  clientId: 'tradeflowlocalstaffconsole',
} as const;

/** Dev tokens outlive a working month; each start issues new ones (local.json). */
export const DEV_TOKEN_VALIDITY_SECONDS = 30 * 24 * 3600;

export interface StaffSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** Reads `<dataDir>/staff-signing-key.pem`, making it on first boot (only this machine's user reads it). */
export function loadStaffSigningKey(dataDir: string): StaffSigningKey {
  const file = join(dataDir, 'staff-signing-key.pem');
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return signingKey(createPrivateKey(readFileSync(file, 'utf8')));
}

/** A key id from the public key itself, so a new key pair never shares an id with an old one. */
export function signingKey(privateKey: KeyObject): StaffSigningKey {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { kid: createHash('sha256').update(der).digest('base64url').slice(0, 22), privateKey };
}

/** The public half as a JWKS, as a pool publishes it at `<issuer>/.well-known/jwks.json`. */
export function staffJwks(key: StaffSigningKey): Jwks {
  const { n, e } = createPublicKey(key.privateKey).export({ format: 'jwk' });
  return { keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid, n: n as string, e: e as string }] };
}

/** What the authorizer's environment gets locally (the topology's `staffSignIn` variables). */
export function localStaffSignIn(key: StaffSigningKey, usageKey: string): StaffSignInNames {
  return { ...LOCAL_STAFF_POOL, usageKey, jwks: JSON.stringify(staffJwks(key)) };
}

/** The issuer of LOCAL_STAFF_POOL, as Cognito names a pool's. */
export const localIssuer = () =>
  `https://cognito-idp.${LOCAL_REGION}.amazonaws.com/${LOCAL_STAFF_POOL.userPoolId}`;

/** An access token per role, for `local.json`'s `staffTokens`. */
export function devStaffTokens(key: StaffSigningKey, now = Date.now()): Record<StaffRole, string> {
  return Object.fromEntries(STAFF_ROLES.map((role) => [role, devStaffToken(key, role, now)])) as Record<
    StaffRole,
    string
  >;
}

/** The claims of a Cognito access token for a member of the role's group. */
export function devStaffToken(key: StaffSigningKey, role: StaffRole, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  return signJwt(key, {
    sub: `local-staff-${role}`,
    'cognito:groups': [role],
    iss: localIssuer(),
    client_id: LOCAL_STAFF_POOL.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: seconds,
    iat: seconds,
    exp: seconds + DEV_TOKEN_VALIDITY_SECONDS,
    jti: randomUUID(),
    username: `local-${role}`,
  });
}

/** A compact JWS, RS256 (RSASSA-PKCS1-v1_5 with SHA-256), with node:crypto alone. */
export function signJwt(key: StaffSigningKey, payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ kid: key.kid, alg: 'RS256', typ: 'JWT' })}.${part(payload)}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), key.privateKey).toString('base64url')}`;
}
