import type { ScheduleSpec } from '../../topology/types';

export interface ScheduleRun {
  schedule: string;
  at: string;
  trigger: 'timer' | 'manual';
  ok: boolean;
  /** Tries made: the first and its retries. */
  attempts: number;
  error?: string;
  ms: number;
}

/** `rate(15 minutes)` → milliseconds. Cron expressions are not run locally yet: they fail loudly. */
export function rateMs(expression: string): number {
  const match = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (!match)
    throw new Error(`local scheduler: only rate(...) expressions run locally; "${expression}" does not`);
  const unit = match[2].startsWith('minute') ? 60_000 : match[2].startsWith('hour') ? 3_600_000 : 86_400_000;
  return Number(match[1]) * unit;
}

/**
 * EventBridge Scheduler, locally: each schedule on a timer (compressed by the time scale) invoking its
 * function with the schedule's input, plus `fire(name)` to run one now. Runs are kept for the admin URL.
 */
export class LocalScheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly runs: ScheduleRun[] = [];

  constructor(
    private readonly schedules: ScheduleSpec[],
    private readonly invoke: (functionName: string, event: unknown) => Promise<unknown>,
    private readonly timeScale: number,
  ) {
    for (const schedule of schedules) rateMs(schedule.expression);
  }

  start(): void {
    for (const schedule of this.schedules) {
      const timer = setInterval(
        () => void this.fire(schedule.name, 'timer').catch(() => undefined),
        rateMs(schedule.expression) / this.timeScale,
      );
      timer.unref();
      this.timers.push(timer);
    }
  }

  /**
   * Runs a schedule's function now. A failed run is retried as the schedule's retry policy says
   * (backoff doubling from 1 s, within its maximum age, both compressed by the time scale), as
   * EventBridge Scheduler does; the last failure is kept in the run for the admin URL.
   */
  async fire(
    name: string,
    trigger: ScheduleRun['trigger'] = 'manual',
  ): Promise<ScheduleRun & { result?: unknown }> {
    const schedule = this.schedules.find((candidate) => candidate.name === name);
    if (!schedule)
      throw new Error(`no schedule named ${name}; known: ${this.schedules.map((s) => s.name).join(', ')}`);
    const started = performance.now();
    const at = new Date().toISOString();
    const deadline = started + (schedule.maximumEventAgeSeconds * 1000) / this.timeScale;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.invoke(schedule.function, schedule.input ?? {});
        const run = {
          schedule: name,
          at,
          trigger,
          ok: true,
          attempts: attempt,
          ms: performance.now() - started,
        };
        this.runs.push(run);
        return { ...run, result };
      } catch (error) {
        const backoff = (1000 * 2 ** (attempt - 1)) / this.timeScale;
        if (attempt <= schedule.retryAttempts && performance.now() + backoff < deadline) {
          await new Promise((resolve) => setTimeout(resolve, backoff));
          continue;
        }
        const run = {
          schedule: name,
          at,
          trigger,
          ok: false,
          attempts: attempt,
          error: (error as Error).message,
          ms: performance.now() - started,
        };
        this.runs.push(run);
        return run;
      }
    }
  }

  list(): ScheduleSpec[] {
    return [...this.schedules];
  }

  history(): ScheduleRun[] {
    return [...this.runs];
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
  }
}
