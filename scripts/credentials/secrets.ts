import { randomBytes } from 'node:crypto';

export type RandomBytes = (size: number) => Buffer;

// 192 bits: unguessable, and well over API Gateway's 20-character minimum for a key's value.
const SECRET_BYTES = 24;

/** `<prefix>_<24 random bytes, base64url>`: the prefix tells a reader what kind of secret it is. */
export function newSecret(prefix: string, random: RandomBytes = randomBytes): string {
  return `${prefix}_${random(SECRET_BYTES).toString('base64url')}`;
}

/** A storefront's API key; it is also its API Gateway key's value (its own usage metering). */
export const newStorefrontKey = (random?: RandomBytes) => newSecret('tfk', random);

// Staff have no secrets here: they sign in through the stack's user pool (staff-user-commands).
