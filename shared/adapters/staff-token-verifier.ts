import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { assertIsJwks, type Jwks, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Json } from 'aws-jwt-verify/safe-json-parse';
import { roleFromGroups } from '../domain/staff-groups';
import type { StaffTokenVerifier } from '../ports/staff-tokens';

/** What differs between AWS and local: the pool (hence the issuer), the client, where the keys come from. */
export interface StaffTokenConfig {
  userPoolId: string;
  clientId: string;
  /**
   * The pool's keys, when they cannot be fetched from `<issuer>/.well-known/jwks.json`: aws-jwt-verify
   * fetches over https only, and the local runtime has none. Given, nothing is ever fetched.
   */
  jwks?: Jwks;
}

export class StaffTokenConfigError extends Error {
  override name = 'StaffTokenConfigError';
}

/**
 * Staff tokens are user pool access tokens, checked by aws-jwt-verify: an RS256 signature by a key of
 * the pool, its issuer, expiry, `token_use: access` and our client id; then the role from the groups.
 * Once the JWKS is cached (fetched once per sandbox on AWS, given locally) a check is local CPU only.
 */
export function makeStaffTokenVerifier(config: StaffTokenConfig): StaffTokenVerifier {
  const verifier = CognitoJwtVerifier.create(
    {
      userPoolId: config.userPoolId,
      clientId: config.clientId,
      tokenUse: 'access',
      // Cognito signs with RS256; refuse anything else, even an algorithm the library accepts.
      customJwtCheck: ({ header }) => {
        if (header.alg !== 'RS256') throw new Error('not RS256');
      },
    },
    config.jwks ? { jwksCache: new SimpleJwksCache({ fetcher: NO_FETCHING }) } : undefined,
  );
  // Cached under both of Cognito's issuer forms (regional and global), which the verifier accepts.
  if (config.jwks) verifier.cacheJwks(config.jwks);
  return {
    async verify(token) {
      let payload: Record<string, unknown>;
      try {
        payload = await verifier.verify(token);
      } catch (error) {
        // The error's class only (aws-jwt-verify's set no name): its message may quote the claims.
        return { ok: false, reason: error instanceof Error ? error.constructor.name : 'InvalidToken' };
      }
      if (typeof payload.sub !== 'string' || !payload.sub) return { ok: false, reason: 'NoSubject' };
      const role = roleFromGroups(payload['cognito:groups']);
      return role.ok ? { ok: true, staff: { sub: payload.sub, role: role.role } } : role;
    },
  };
}

/** `STAFF_JWKS` → the keys, or a config error at cold start. */
export function parseStaffJwks(text: string): Jwks {
  try {
    const jwks: Json = JSON.parse(text);
    assertIsJwks(jwks);
    return jwks;
  } catch (error) {
    throw new StaffTokenConfigError(`STAFF_JWKS is no JWKS: ${(error as Error).message}`, { cause: error });
  }
}

/** The token names a key the configured JWKS does not have: a token from elsewhere. */
export class UnknownSigningKeyError extends Error {
  override name = 'UnknownSigningKeyError';
}

/** With the keys given, nothing is fetched: an unknown key id is refused at once. */
const NO_FETCHING = {
  fetch: async (): Promise<ArrayBuffer> => {
    throw new UnknownSigningKeyError('JWKS fetching is off: the keys are configured');
  },
};

/** The variables the topology's `staffSignIn` access gives a function (STAFF_JWKS only locally). */
export interface StaffSignInEnv {
  STAFF_USER_POOL_ID: string;
  STAFF_CLIENT_ID: string;
  STAFF_JWKS?: string;
}

/** The verifier, built at cold start: a bad pool id or JWKS fails there, not at the first request. */
export function staffTokenVerifierFromEnv(env: StaffSignInEnv): StaffTokenVerifier {
  return makeStaffTokenVerifier({
    userPoolId: env.STAFF_USER_POOL_ID,
    clientId: env.STAFF_CLIENT_ID,
    jwks: env.STAFF_JWKS === undefined ? undefined : parseStaffJwks(env.STAFF_JWKS),
  });
}
