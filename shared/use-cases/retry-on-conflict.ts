import { ConcurrentUpdateError } from '../errors';

/** Tries in all: racing writers of one order (payments, a cancel, a step) rarely need more than two. */
const ATTEMPTS = 6;

/**
 * Runs a read-decide-write `attempt` again when its write lost a version race to another writer,
 * after a pause with full jitter growing from 20 ms to 200 ms (about half a second in all), so writers
 * that collided spread out instead of colliding again in lockstep. Any other error, or the last
 * attempt's conflict (409 to an API caller, a Retry for a step), goes to the caller.
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  attempts = ATTEMPTS,
  pause: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || tried >= attempts) throw error;
      await pause(conflictBackoffMs(tried));
    }
  }
}

export function conflictBackoffMs(tried: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(200, 10 * 2 ** tried));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
