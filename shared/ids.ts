import { createHash } from 'node:crypto';
import { ulid } from 'ulid';

/** Sortable, unguessable ids with a readable prefix; also valid Step Functions execution names. */
/** `ord` orders, `cus` customers, `sf` storefronts, `sub` department subscriptions. */
export type IdPrefix = 'ord' | 'cus' | 'sf' | 'sub' | 'inq' | 'quo'; // inq: buyer inquiries; quo: quotes
export type IdGenerator = (prefix: IdPrefix) => string;

export const newId: IdGenerator = (prefix) => `${prefix}_${ulid()}`;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The same id for the same seed, in the shape of a ULID (26 Crockford base-32 characters, the first
 * 0–7): an order placed under an Idempotency-Key gets the id its key gives, so a retry after a crash
 * that lost the stored answer finds the order instead of placing a second one.
 */
export function idFor(prefix: IdPrefix, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let id = '';
  for (let i = 0; i < 26; i++) id += CROCKFORD[digest[i] % 32];
  return `${prefix}_${CROCKFORD[digest[26] % 8]}${id.slice(1)}`;
}
