import type { EventBridgeEvent } from './put-events';

/**
 * Asynchronous delivery of matched events to rule targets, with EventBridge's retry policy: a failed
 * attempt is retried with exponential backoff and jitter until the target's retry attempts or maximum
 * event age run out, then the event goes to the dead-letter list with the last error. Backoff and age
 * run `timeScale` times faster than real time.
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
  /** Which limit ran out, as EventBridge writes it on a DLQ message. */
  exhaustedRetryCondition: ExhaustedRetryCondition;
  /** When it was dead-lettered (ISO 8601). */
  time: string;
}

export interface DeliveryQueueOptions {
  /** Throws (or rejects) for a failed attempt. */
  deliver: (targetId: string, event: EventBridgeEvent) => Promise<void>;
  timeScale: number;
  log: (line: string) => void;
  random?: () => number;
}

interface Job {
  event: EventBridgeEvent;
  target: LocalRuleTarget;
  route: RouteRecord;
  receivedAt: number;
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
  private pending = 0;
  private waiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: DeliveryQueueOptions) {}

  /** Schedules the first attempt; returns at once (PutEvents does not wait for targets). */
  enqueue(event: EventBridgeEvent, target: LocalRuleTarget, route: RouteRecord): void {
    if (this.closed) {
      route.status = 'abandoned';
      return;
    }
    this.pending++;
    this.later(0, { event, target, route, receivedAt: Date.now() });
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
    this.finish();
  }

  private failed(job: Job, error: unknown): void {
    const { event, target, route } = job;
    this.counts.failedAttempts++;
    route.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.log(
      `attempt ${route.attempts} of ${event.id} to ${route.rule}/${route.targetId} failed: ${route.lastError}`,
    );
    if (this.closed) {
      route.status = 'abandoned';
      return;
    }
    if (route.attempts - 1 >= target.retryAttempts) {
      this.deadLetter(job, 'MaximumRetryAttempts');
      return;
    }
    const delayMs = retryDelayMs(route.attempts, this.options.random) / this.options.timeScale;
    const ageAtRetrySeconds = ((Date.now() + delayMs - job.receivedAt) * this.options.timeScale) / 1000;
    if (ageAtRetrySeconds > target.maximumEventAgeSeconds) {
      this.deadLetter(job, 'MaximumEventAgeInSeconds');
      return;
    }
    route.status = 'retrying';
    this.later(delayMs, job);
  }

  private deadLetter(job: Job, condition: ExhaustedRetryCondition): void {
    const { event, route } = job;
    route.status = 'dead-lettered';
    this.counts.deadLettered++;
    this.deadLetters.push({
      event,
      rule: route.rule,
      targetId: route.targetId,
      attempts: route.attempts,
      lastError: route.lastError ?? 'unknown error',
      exhaustedRetryCondition: condition,
      time: new Date().toISOString(),
    });
    this.options.log(
      `dead-lettered ${event.id} for ${route.rule}/${route.targetId} after ${route.attempts} attempts (${condition})`,
    );
    this.finish();
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
