import { createHash } from 'node:crypto';
import type { Actor } from '../domain/order';
import { ConflictError, IdempotencyKeyReusedError } from '../errors';
import { type IdPrefix, idFor } from '../ids';

/** The Idempotency-Key a record was created under, and a fingerprint of the request, kept on it. */
export interface CreatedUnder {
  idempotencyKey: string;
  requestHash: string;
}

export interface KeyedCreation {
  id: string;
  createdUnder: CreatedUnder;
}

/**
 * Under an Idempotency-Key, a new record's id comes from the caller and the key: Powertools frees a
 * key whose run died (its in-progress record expires with the invocation), so a run killed between
 * storing the record and storing its answer would otherwise let the retry create a second one.
 */
export function keyedCreation(
  prefix: IdPrefix,
  by: Actor,
  idempotencyKey: string | undefined,
  request: unknown,
): KeyedCreation | undefined {
  if (!idempotencyKey) return undefined;
  return {
    id: idFor(prefix, `${by.kind}:${by.id}:${idempotencyKey}`),
    createdUnder: {
      idempotencyKey,
      requestHash: createHash('sha256').update(JSON.stringify(request)).digest('base64url'),
    },
  };
}

/**
 * Creates the record; when it exists already under the same key, the record a retry of the same
 * request finds is its answer (undefined: created now); another request under that key is a 422.
 */
export async function createOrFindRetried<T extends { createdUnder?: CreatedUnder }>(
  keyed: KeyedCreation | undefined,
  create: () => Promise<void>,
  find: () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    await create();
    return undefined;
  } catch (error) {
    if (!(keyed && error instanceof ConflictError)) throw error;
    const existing = await find();
    if (existing?.createdUnder?.requestHash !== keyed.createdUnder.requestHash) {
      throw new IdempotencyKeyReusedError(
        `the Idempotency-Key ${keyed.createdUnder.idempotencyKey} was used for another request; use a new key for a new request`,
      );
    }
    return existing;
  }
}
