import { createHash } from 'node:crypto';
import { ulid } from 'ulid';

/** `sup` suppliers, `po` purchase orders, `rpl` replenishment requests. */
export type ProcurementIdPrefix = 'sup' | 'po' | 'rpl';

/**
 * A new id, or with a seed (the request's Idempotency-Key) always the same one: a creation retried
 * after a crash that lost the stored answer finds what it made instead of making it twice.
 */
export function procurementId(prefix: ProcurementIdPrefix, seed?: string): string {
  if (!seed) return `${prefix}_${ulid()}`;
  const digest = createHash('sha256').update(`${prefix}:${seed}`).digest('hex').toUpperCase();
  return `${prefix}_${digest.slice(0, 26)}`;
}
