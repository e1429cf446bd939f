import type { Credential, CredentialStore } from '../ports/credentials';

export interface CredentialCacheOptions {
  /** How long an answer (a credential, or none) is reused: a disabled key works at most this long. */
  ttlMs: number;
  /** Bounds memory against callers presenting endless made-up keys: the oldest answers go first. */
  maxEntries: number;
  now?: () => number;
}

/** Seconds, not minutes: revoking a key must take effect quickly; a burst of requests needs one lookup. */
export const CREDENTIAL_CACHE: CredentialCacheOptions = { ttlMs: 30_000, maxEntries: 1_000 };

/**
 * The authorizer's API key lookups, remembered in the warm sandbox for a short time: a storefront
 * sending many requests costs one DynamoDB read per TTL instead of one per request
 * (API Gateway's own results cache cannot be used: storefronts and staff send different headers, and
 * it refuses a request missing any of its identity sources). Unknown secrets are remembered too, so a
 * flood of bad keys does not become a flood of reads. Writes go straight through and update the cache.
 */
export function cachedCredentialStore(
  inner: CredentialStore,
  { ttlMs, maxEntries, now = Date.now }: CredentialCacheOptions,
): CredentialStore {
  const answers = new Map<string, { credential: Credential | undefined; until: number }>();
  const remember = (secret: string, credential: Credential | undefined) => {
    answers.delete(secret);
    answers.set(secret, { credential, until: now() + ttlMs });
    // A Map keeps insertion order: the first key is the oldest answer.
    while (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
  };
  return {
    async findBySecret(secret) {
      const known = answers.get(secret);
      if (known && known.until > now()) return known.credential;
      const credential = await inner.findBySecret(secret);
      remember(secret, credential);
      return credential;
    },
    async put(secret, credential) {
      await inner.put(secret, credential);
      remember(secret, credential);
    },
  };
}
