import type { JournalLine } from './delivery-journal';
import type { EventBridgeEvent } from './put-events';

/**
 * Asynchronous delivery of matched events to rule targets, with EventBridge's retry policy: a failed
 * attempt is retried with exponential backoff and jitter until the target's retry attempts or maximum
 * event age run out, then the event goes to the dead-letter list with the last error. Backoff and age
 * run `timeScale` times faster than real time. With a journal, every failed attempt that will be retried
 * and every outcome is recorded, so that deliveries resume after a restart (`resume`); once closed,
 * nothing more is recorded and an attempt still running is neither retried nor counted as failed.
 */
export interface LocalRuleTarget {
  id: string;
  /** Retries after the first attempt (EventBridge: 0–185, default 185). */
  retryAttempts: number;
  /** How long an event may keep being retried (EventBridge: 60–86400 s, default 86400). */
  maximumEventAgeSeconds: number;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'dead-lettered' | 'abandoned';

/** One target an event was routed to, and how its delivery went so far. */
export interface RouteRecord {
  rule: string;
  targetId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
}

export type ExhaustedRetryCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

export interface DeadLetter {
  event: EventBridgeEvent;
  rule: string;
  targetId: string;
  attempts: number;
  lastError: string;
  /**
   * Which limit ran out, as EventBridge writes it on a DLQ message; absent when the event was not
   * retried at all (its rule or target no longer existed when a delivery resumed after a restart).
   */
  exhaustedRetryCondition?: ExhaustedRetryCondition;
  /** When it was dead-lettered (ISO 8601). */
  time: string;
}

export interface DeliveryQueueOptions {
  /** Throws (or rejects) for a failed attempt. */
  deliver: (targetId: string, event: EventBridgeEvent) => Promise<void>;
  timeScale: number;
  log: (line: string) => void;
  random?: () => number;
  /** Where failed attempts and outcomes are recorded, when deliveries are durable. */
  journal?: { append(lines: JournalLine[]): void };
}

interface Job {
  event: EventBridgeEvent;
  target: LocalRuleTarget;
  route: RouteRecord;
  /** Epoch ms; the maximum event age counts from it. */
  firstAttemptAt: number;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 5 * 60 * 1000;

/** Real-time delay before retry number `retry` (1 for the first): exponential, capped, with half of it jittered. */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (retry - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

export class DeliveryQueue {
  readonly deadLetters: DeadLetter[] = [];
  readonly counts = { delivered: 0, failedAttempts: 0, deadLettered: 0 };
  /** Failed attempts by the error's name, to tell what failed them. */
  readonly failuresByError: Record<string, number> = {};
  private pending = 0;
  private waiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: DeliveryQueueOptions) {}

  /** Schedules the first attempt; returns at once (PutEvents does not wait for targets). */
  enqueue(
    event: EventBridgeEvent,
    target: LocalRuleTarget,
    route: RouteRecord,
    firstAttemptAt = Date.now(),
  ): void {
    if (this.closed) {
      route.status = 'abandoned';
      return;
    }
    this.pending++;
    this.later(0, { event, target, route, firstAttemptAt });
  }

  /**
   * Resumes a delivery recorded before a restart, `route.attempts` attempts in: its next attempt runs
   * when it was due (at once if that time has passed), unless the event has grown older than the
   * target allows meanwhile (dead-lettered with MaximumEventAgeInSeconds, as AWS would) or the
   * target's retries are used up.
   */
  resume(
    event: EventBridgeEvent,
    target: LocalRuleTarget,
    route: RouteRecord,
    timing: { firstAttemptAt: number; nextAttemptAt?: number },
  ): void {
    if (this.closed) {
      route.status = 'abandoned';
      return;
    }
    this.pending++;
    const job: Job = { event, target, route, firstAttemptAt: timing.firstAttemptAt };
    const now = Date.now();
    const delayMs = Math.max(0, (timing.nextAttemptAt ?? now) - now);
    if (route.attempts > 0 && route.attempts - 1 >= target.retryAttempts) {
      this.deadLetter(job, 'MaximumRetryAttempts');
      return;
    }
    if (this.ageSeconds(job, now + delayMs) > target.maximumEventAgeSeconds) {
      route.lastError ??=
        'EventExpired: the event reached its maximum age while the local EventBridge was stopped';
      this.deadLetter(job, 'MaximumEventAgeInSeconds');
      return;
    }
    route.status = route.attempts > 0 ? 'retrying' : 'pending';
    this.options.log(
      `resuming ${event.id} for ${route.rule}/${route.targetId} after ${route.attempts} attempt(s)` +
        (delayMs > 0 ? ` in ${Math.round(delayMs)} ms` : ''),
    );
    this.later(delayMs, job);
  }

  /**
   * Dead-letters, without an attempt, a recorded delivery that cannot resume: its rule or target is
   * gone from the topology (a non-retriable error: no exhausted-retry condition).
   */
  deadLetterUnroutable(event: EventBridgeEvent, route: RouteRecord, reason: string): void {
    if (this.closed) {
      route.status = 'abandoned';
      return;
    }
    this.pending++;
    route.lastError = reason;
    this.deadLetterRoute(event, route, undefined);
  }

  /** Adds dead letters recorded before a restart (they are not counted again). */
  restoreDeadLetters(deadLetters: DeadLetter[]): void {
    this.deadLetters.push(...deadLetters);
  }

  /** Resolves when no delivery is pending or waiting to be retried. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops scheduled retries; attempts already running finish but are not retried. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    this.settle();
  }

  private later(delayMs: number, job: Job): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(job);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(job: Job): Promise<void> {
    const { event, target, route } = job;
    route.attempts++;
    try {
      await this.options.deliver(target.id, event);
    } catch (error) {
      this.failed(job, error);
      return;
    }
    route.status = 'delivered';
    this.counts.delivered++;
    this.options.log(`delivered ${event.id} to ${route.rule}/${route.targetId} (attempt ${route.attempts})`);
    this.record({ kind: 'delivered', ...keyOf(job), attempts: route.attempts, at: Date.now() });
    this.finish();
  }

  private failed(job: Job, error: unknown): void {
    const { event, target, route } = job;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (this.closed) {
      // Interrupted by close (its function may have been stopped with it): not a failure, and with a
      // journal the delivery resumes at the next start with the attempts recorded before this one.
      route.status = 'abandoned';
      this.options.log(
        `attempt ${route.attempts} of ${event.id} to ${route.rule}/${route.targetId} ended after close: ${message}`,
      );
      return;
    }
    this.counts.failedAttempts++;
    const name = error instanceof Error ? error.name : 'Error';
    this.failuresByError[name] = (this.failuresByError[name] ?? 0) + 1;
    route.lastError = message;
    this.options.log(
      `attempt ${route.attempts} of ${event.id} to ${route.rule}/${route.targetId} failed: ${route.lastError}`,
    );
    if (route.attempts - 1 >= target.retryAttempts) {
      this.deadLetter(job, 'MaximumRetryAttempts');
      return;
    }
    const delayMs = retryDelayMs(route.attempts, this.options.random) / this.options.timeScale;
    if (this.ageSeconds(job, Date.now() + delayMs) > target.maximumEventAgeSeconds) {
      this.deadLetter(job, 'MaximumEventAgeInSeconds');
      return;
    }
    route.status = 'retrying';
    this.record({
      kind: 'attempted',
      ...keyOf(job),
      attempts: route.attempts,
      lastError: route.lastError,
      nextAttemptAt: Date.now() + delayMs,
    });
    this.later(delayMs, job);
  }

  /** The event's age in (scaled) seconds at the real time `at`. */
  private ageSeconds(job: Job, at: number): number {
    return ((at - job.firstAttemptAt) * this.options.timeScale) / 1000;
  }

  private deadLetter(job: Job, condition: ExhaustedRetryCondition): void {
    this.deadLetterRoute(job.event, job.route, condition);
  }

  private deadLetterRoute(
    event: EventBridgeEvent,
    route: RouteRecord,
    condition: ExhaustedRetryCondition | undefined,
  ): void {
    route.status = 'dead-lettered';
    this.counts.deadLettered++;
    const deadLetter: DeadLetter = {
      event,
      rule: route.rule,
      targetId: route.targetId,
      attempts: route.attempts,
      lastError: route.lastError ?? 'unknown error',
      ...(condition ? { exhaustedRetryCondition: condition } : {}),
      time: new Date().toISOString(),
    };
    this.deadLetters.push(deadLetter);
    this.options.log(
      `dead-lettered ${event.id} for ${route.rule}/${route.targetId} after ${route.attempts} attempts (${condition ?? route.lastError})`,
    );
    this.record({ kind: 'dead-lettered', deadLetter });
    this.finish();
  }

  /**
   * Appends to the journal, if any, while open. A line that cannot be written is logged, not thrown:
   * the delivery then stays pending in the journal and runs again at the next start (at least once).
   */
  private record(line: JournalLine): void {
    if (this.closed || !this.options.journal) return;
    try {
      this.options.journal.append([line]);
    } catch (error) {
      this.options.log(`could not record ${line.kind} in the delivery journal: ${(error as Error).message}`);
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.pending--;
    this.settle();
  }

  private settle(): void {
    if (this.pending > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

function keyOf(job: Job): { eventId: string; rule: string; targetId: string } {
  return { eventId: job.event.id, rule: job.route.rule, targetId: job.route.targetId };
}
