import { isStatesTimeoutError, statesTimeoutError } from './asl-engine';
import type { TaskOutcome } from './replay-book';

/** A task failure whose error and cause are already final (SendTaskFailure, heartbeat timeout, bad input). */
export class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/** The run stopped (StopExecution, execution timeout, server close): nothing is recorded. */
export class ExecutionStoppedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ExecutionStoppedError';
  }
}

/** The Map/Parallel branch around a waiting task failed: its wait ends, and nothing is recorded. */
export class AbandonedTaskError extends Error {
  constructor(stateName: string) {
    super(`the branch around "${stateName}" ended`);
    this.name = 'AbandonedTaskError';
  }
}

export type TaskFailed = Extract<TaskOutcome, { status: 'failed' }>;

/**
 * What a failed task records. Errors thrown by a function become what Lambda reports: the error name is
 * the error type (what `Catch.ErrorEquals` matches) and the cause is `{"errorType","errorMessage"}` JSON.
 */
export function failureOf(error: unknown): TaskFailed {
  if (error instanceof TaskFailure || isStatesTimeoutError(error)) {
    return { status: 'failed', error: error.name, cause: error.message };
  }
  const errorType = error instanceof Error && error.name ? error.name : 'Error';
  const errorMessage = error instanceof Error ? error.message : String(error);
  return { status: 'failed', error: errorType, cause: JSON.stringify({ errorType, errorMessage }) };
}

/** The error handed to the engine: its name drives Retry/Catch, its message becomes the Cause. */
export function engineErrorOf(failure: TaskFailed): Error {
  if (failure.error === 'States.Timeout') return statesTimeoutError(failure.cause);
  return new TaskFailure(failure.error, failure.cause);
}
