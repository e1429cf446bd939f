import { z } from 'zod';

/**
 * What the local runtime's chaos mode does to function invocations (the reliability suite's duplicate
 * delivery and fault scenarios; see invocation-chaos.ts). Off when absent.
 */
export interface ChaosOptions {
  /** Every Step Functions task and every event delivery invokes its function twice, concurrently. */
  duplicate?: boolean;
  /** Probability (0 ≤ p < 1) that an invocation fails with a transient Lambda error. */
  faultRate?: number;
  /** Seeds the fault draws, so a run can be repeated (default 1). */
  seed?: number;
  /**
   * A transient fault clears up: the same call (same task input, same event) fails at most this many
   * times in a row (default 3, inside the workflow's Retry budget of 4 retries). A longer outage is
   * not a transient fault; it ends in a visible failure, which is another scenario.
   */
  maxConsecutiveFaults?: number;
}

const flag = z.enum(['0', '1', 'true', 'false'], { message: 'must be 1, 0, true or false' });

/** The environment variables that turn chaos on for `npm start` (parsed with the other settings). */
export const chaosEnvFields = {
  TRADEFLOW_CHAOS_DUPLICATE: flag.optional(),
  TRADEFLOW_CHAOS_FAULT_RATE: z.coerce
    .number({ message: 'must be a number' })
    .min(0)
    .lt(1, 'must be below 1 (a fault rate of 1 would never let a call through)')
    .optional(),
  TRADEFLOW_CHAOS_SEED: z.coerce.number({ message: 'must be a number' }).int().optional(),
};

type ChaosEnv = { [K in keyof typeof chaosEnvFields]?: z.infer<(typeof chaosEnvFields)[K]> };

/** The chaos options the variables ask for, or undefined when they ask for none. */
export function chaosFromEnv(env: ChaosEnv): ChaosOptions | undefined {
  const duplicate = env.TRADEFLOW_CHAOS_DUPLICATE === '1' || env.TRADEFLOW_CHAOS_DUPLICATE === 'true';
  const faultRate = env.TRADEFLOW_CHAOS_FAULT_RATE ?? 0;
  if (!duplicate && faultRate === 0) return undefined;
  return { duplicate, faultRate, seed: env.TRADEFLOW_CHAOS_SEED };
}

/** One line for the start-up progress, so nobody mistakes a chaos run for a normal one. */
export function describeChaos(chaos: ChaosOptions): string {
  const parts = [
    chaos.duplicate ? 'every task and event delivery invoked twice' : undefined,
    chaos.faultRate ? `${Math.round(chaos.faultRate * 100)}% of invocations fail transiently` : undefined,
  ].filter(Boolean);
  return `CHAOS MODE: ${parts.join(', ')} (seed ${chaos.seed ?? 1})`;
}
