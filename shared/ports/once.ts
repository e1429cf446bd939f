/**
 * Remembers that a side effect (an email, a webhook, an announcement) was done for a change, so a
 * redelivered event does not do it twice, and a side effect whose doer died half way is not lost.
 *
 * A claim is a lease: `claim` takes the key for `leaseMs` (the claimant's remaining run time, after
 * which it is certainly dead), `complete` records the effect as done for good. A redelivery that finds
 * a live lease answers 'in-progress' (its caller throws, so the bus delivers again later); one that
 * finds an expired lease takes it over and does the effect. So nothing is lost when a function is
 * killed between its claim and its effect; the price is that an effect done just before a kill (and
 * not yet completed) is done again: at least once, never silently dropped.
 */
export type ClaimOutcome = 'claimed' | 'done' | 'in-progress';

export interface OnceLog {
  claim(scope: string, key: string, leaseMs?: number): Promise<ClaimOutcome>;
  /** The effect is done: every later claim answers 'done'. */
  complete(scope: string, key: string): Promise<void>;
  /** Gives the claim back after the side effect failed, so a retry can do it. */
  release(scope: string, key: string): Promise<void>;
}

/** Without a known remaining run time: longer than any function's timeout in the topology. */
export const DEFAULT_LEASE_MS = 120_000;

/** Thrown when another delivery holds the lease: the bus retries the event, which then finds it done. */
export class SideEffectInProgressError extends Error {
  override name = 'SideEffectInProgressError';
}
