import { type OnceLog, SideEffectInProgressError } from '../ports/once';

/** What a consumer knows of its own run: the time left before it is stopped (Lambda's remaining time). */
export interface RunInfo {
  remainingMs: number;
}

/** A killed function's lease outlives it by this much, so two live claimants never overlap. */
const LEASE_MARGIN_MS = 1_000;

/**
 * Does `effect` once for `key`: 'now' when this call did it, 'before' when it was done already. While
 * another delivery holds the key it throws SideEffectInProgressError, so the bus delivers again later
 * and then finds it done, or finds the holder's lease expired (it died) and does it: never lost.
 * A failed effect gives the key back for the retry.
 */
export async function doOnce(
  once: OnceLog,
  scope: string,
  key: string,
  run: RunInfo | undefined,
  effect: () => Promise<unknown>,
): Promise<'now' | 'before'> {
  const claim = await once.claim(scope, key, run ? run.remainingMs + LEASE_MARGIN_MS : undefined);
  if (claim === 'done') return 'before';
  if (claim === 'in-progress')
    throw new SideEffectInProgressError(`${key} is being done by another delivery; deliver again later`);
  try {
    await effect();
  } catch (error) {
    await once.release(scope, key).catch(() => undefined);
    throw error;
  }
  await once.complete(scope, key);
  return 'now';
}
