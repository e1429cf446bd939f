import type { TaskSpec } from './definition-prepare';
import type { EventDraft } from './history-events';
import type { JsonValue } from './json';
import type { ReplayBook, TaskOutcome } from './replay-book';
import type { TaskEventSet } from './task-events';
import type { TaskTokens } from './task-tokens';

/** What a task handler needs from the execution it runs in. */
export interface TaskRuntime {
  readonly executionArn: string;
  readonly region: string;
  readonly timeScale: number;
  readonly book: ReplayBook;
  readonly tokens: TaskTokens;
  /** Aborted when the run stops; its reason is the error the task ends with. */
  readonly signal: AbortSignal;
  invoke(functionName: string, payload: JsonValue): Promise<unknown>;
  emit(draft: EventDraft): void;
  recordStart(key: string, at: number): void;
  recordOutcome(key: string, outcome: TaskOutcome): void;
  /** A task was answered from history. */
  replayed(stateName: string, outcome: TaskOutcome): void;
  /** A task runs live. */
  live(stateName: string): void;
  /** Marks work in flight, which idle() waits for; returns its (idempotent) end. */
  busy(): () => void;
}

/** One live run of a task: the engine's effective input, and when the task (first) started. */
export interface LiveTask {
  spec: TaskSpec;
  input: JsonValue;
  startedAt: number;
  rt: TaskRuntime;
  events: TaskEventSet | undefined;
  /** Awaits `work` without counting as busy (a callback task waiting for its token). */
  idleWhile<T>(work: Promise<T>): Promise<T>;
}
