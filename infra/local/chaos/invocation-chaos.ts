import type { ChaosOptions } from './chaos-options';
import { seededRandom } from './seeded-random';
import { faultError, TRANSIENT_FAULTS } from './transient-faults';

/** Who invokes a function: each has its own retry policy, which is what chaos puts to the test. */
export type InvocationSource = 'task' | 'delivery' | 'schedule' | 'api';
export const INVOCATION_SOURCES: readonly InvocationSource[] = ['task', 'delivery', 'schedule', 'api'];

export type Invoke = (functionName: string, payload: unknown) => Promise<unknown>;

/** What chaos did so far, so a test can say "N faults injected, all retried". */
export interface ChaosCounts {
  /** Invocations that went through the chaos layer (before duplication). */
  calls: Record<InvocationSource, number>;
  /** Extra invocations made by duplicate mode. */
  duplicates: Record<InvocationSource, number>;
  /** Transient faults thrown in place of a result. */
  faults: Record<InvocationSource, number>;
  faultsByType: Record<string, number>;
  /** Per source and function, e.g. `task:begin-wait`. */
  faultsByFunction: Record<string, number>;
  /** Of the faults, those thrown after the handler ran (its effects happened, its result was lost). */
  faultsAfterHandler: number;
}

/** Duplicated: a Step Functions task is retried and an event redelivered, the at-least-once promises. */
const DUPLICATED: ReadonlySet<InvocationSource> = new Set(['task', 'delivery']);

/**
 * The local runtime's chaos mode: wraps the invoke each caller (Step Functions tasks, event deliveries,
 * schedules, API Gateway) uses. Duplicate mode runs every task and delivery twice at once and answers
 * with one result; fault mode makes an invocation fail with a transient Lambda error, so the caller's
 * own retry policy (ASL Retry, EventBridge retries, the scheduler's, the API client's) takes over.
 */
export class InvocationChaos {
  /** Off: invocations pass through untouched (a test walks its reference orders this way). */
  enabled = true;
  private readonly random: () => number;
  private readonly faultRate: number;
  private readonly maxConsecutive: number;
  /** Faults in a row per call, reset by a call that is let through. */
  private readonly streaks = new Map<string, number>();
  private readonly counters: ChaosCounts = {
    calls: perSource(),
    duplicates: perSource(),
    faults: perSource(),
    faultsByType: {},
    faultsByFunction: {},
    faultsAfterHandler: 0,
  };

  constructor(readonly options: ChaosOptions) {
    this.random = seededRandom(options.seed ?? 1);
    this.faultRate = options.faultRate ?? 0;
    this.maxConsecutive = options.maxConsecutiveFaults ?? 3;
  }

  wrap(source: InvocationSource, invoke: Invoke): Invoke {
    return async (functionName, payload) => {
      if (!this.enabled) return invoke(functionName, payload);
      this.counters.calls[source]++;
      if (this.options.duplicate && DUPLICATED.has(source)) {
        this.counters.duplicates[source]++;
        return firstSuccess([
          this.faulty(source, invoke, functionName, payload),
          this.faulty(source, invoke, functionName, payload),
        ]);
      }
      return this.faulty(source, invoke, functionName, payload);
    };
  }

  counts(): ChaosCounts {
    return structuredClone(this.counters);
  }

  private async faulty(source: InvocationSource, invoke: Invoke, functionName: string, payload: unknown) {
    const fault = this.drawFault(source, functionName, payload);
    if (!fault) return invoke(functionName, payload);
    if (fault.afterHandler) await invoke(functionName, payload).catch(() => undefined);
    this.counters.faults[source]++;
    increment(this.counters.faultsByType, fault.errorType);
    // Step Functions names the function by ARN: count it by name, as the other callers do.
    increment(this.counters.faultsByFunction, `${source}:${functionName.split(':').at(-1)}`);
    if (fault.afterHandler) this.counters.faultsAfterHandler++;
    throw faultError(fault, functionName);
  }

  private drawFault(source: InvocationSource, functionName: string, payload: unknown) {
    if (this.faultRate === 0) return undefined;
    const key = callKey(source, functionName, payload);
    const streak = key === undefined ? 0 : (this.streaks.get(key) ?? 0);
    const strikes = this.random() < this.faultRate && streak < this.maxConsecutive;
    const fault = TRANSIENT_FAULTS[Math.floor(this.random() * TRANSIENT_FAULTS.length)];
    if (key !== undefined) {
      if (strikes) this.streaks.set(key, streak + 1);
      else this.streaks.delete(key);
    }
    return strikes ? fault : undefined;
  }
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function perSource(): Record<InvocationSource, number> {
  return { task: 0, delivery: 0, schedule: 0, api: 0 };
}

/**
 * Names a call across its retries: a task's function and input (without its task token, new at each
 * retry), an event's id, a schedule's function. API requests have none: their client retries as long
 * as it likes, so no streak needs bounding.
 */
function callKey(source: InvocationSource, functionName: string, payload: unknown): string | undefined {
  if (source === 'api') return undefined;
  if (source === 'schedule') return `schedule|${functionName}`;
  if (source === 'delivery') return `delivery|${functionName}|${(payload as { id?: string })?.id}`;
  const { taskToken: _token, ...rest } = (payload ?? {}) as Record<string, unknown>;
  return `task|${functionName}|${JSON.stringify(rest)}`;
}

/** One result for two copies of a call: the first success, else the first failure. */
async function firstSuccess(copies: Promise<unknown>[]): Promise<unknown> {
  const settled = await Promise.allSettled(copies);
  const ok = settled.find((result) => result.status === 'fulfilled');
  if (ok) return ok.value;
  throw (settled[0] as PromiseRejectedResult).reason;
}
