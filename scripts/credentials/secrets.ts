import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../../shared/domain/staff-roles';

export type RandomBytes = (size: number) => Buffer;

// 192 bits: unguessable, and well over API Gateway's 20-character minimum for a key's value.
const SECRET_BYTES = 24;

/** `<prefix>_<24 random bytes, base64url>`: the prefix tells a reader what kind of secret it is. */
export function newSecret(prefix: string, random: RandomBytes = randomBytes): string {
  return `${prefix}_${random(SECRET_BYTES).toString('base64url')}`;
}

/** A storefront's API key; it is also its API Gateway key's value (its own usage metering). */
export const newStorefrontKey = (random?: RandomBytes) => newSecret('tfk', random);

/** A staff member's bearer token; the role in it is for humans, the authorizer reads the table. */
export const newStaffToken = (role: StaffRole, random?: RandomBytes) => newSecret(`tfs_${role}`, random);

/** The value of the one API Gateway key every staff token is metered under. */
export const newStaffUsageKey = (random?: RandomBytes) => newSecret('tfu', random);
