import { hashJson, type JsonValue } from './json';

/** How a task ended, as recorded for replay. */
export type TaskOutcome =
  | { status: 'succeeded'; output: JsonValue }
  | { status: 'failed'; error: string; cause: string };

export interface TaskLookup {
  key: string;
  /** Recorded by an earlier run: answer with it instead of running the task. */
  outcome?: TaskOutcome;
  /** When an earlier run started this task (its timeout counts from there). */
  startedAt?: number;
}

/**
 * The key of a task's recorded result. The task handler sees only the task's effective input, not the
 * context, so a task is told apart by its state name, a hash of that input (taken before the task token
 * is put in) and how many times that pair has come up in this run. It stays stable under Map concurrency.
 */
export function taskKey(stateName: string, inputHash: string, occurrence: number): string {
  return `${stateName}|${inputHash}|${occurrence}`;
}

/** One run's view of an execution's recorded task outcomes: every run starts counting occurrences at 0. */
export class ReplayBook {
  private readonly occurrences = new Map<string, number>();

  constructor(
    private readonly outcomes = new Map<string, TaskOutcome>(),
    private readonly starts = new Map<string, number>(),
  ) {}

  /** The next occurrence of this state with this input, and what an earlier run recorded for it. */
  next(stateName: string, input: JsonValue): TaskLookup {
    const inputHash = hashJson(input);
    const pair = `${stateName}|${inputHash}`;
    const occurrence = this.occurrences.get(pair) ?? 0;
    this.occurrences.set(pair, occurrence + 1);
    const key = taskKey(stateName, inputHash, occurrence);
    const lookup: TaskLookup = { key };
    const outcome = this.outcomes.get(key);
    if (outcome) lookup.outcome = outcome;
    const startedAt = this.starts.get(key);
    if (startedAt !== undefined) lookup.startedAt = startedAt;
    return lookup;
  }

  recordStart(key: string, at: number): void {
    this.starts.set(key, at);
  }

  recordOutcome(key: string, outcome: TaskOutcome): void {
    this.outcomes.set(key, outcome);
  }
}
