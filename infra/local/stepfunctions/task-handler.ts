import type { TaskSpec } from './definition-prepare';
import type { JsonValue } from './json';
import { invokeFunctionArn, invokeLambda, waitForTaskToken } from './lambda-tasks';
import type { TaskOutcome } from './replay-book';
import { AbandonedTaskError, engineErrorOf, failureOf } from './task-errors';
import { taskEvents } from './task-events';
import type { LiveTask, TaskRuntime } from './task-runtime';
import { nextTurn } from './timers';
import { runWait } from './wait-task';

export type TaskHandler = (input: JsonValue) => Promise<JsonValue>;

const RUNNERS: Record<TaskSpec['kind'], (task: LiveTask) => Promise<JsonValue>> = {
  'lambda-invoke': invokeLambda,
  'lambda-callback': waitForTaskToken,
  'lambda-function': invokeFunctionArn,
  wait: runWait,
};

/**
 * The engine's local handler for one Task state. A task with a recorded outcome is answered from it
 * without running; otherwise it runs live and its outcome is recorded before the engine sees it.
 */
export function makeTaskHandler(spec: TaskSpec, rt: TaskRuntime): TaskHandler {
  const events = taskEvents(spec, rt.region);
  return async (input) => {
    let release = rt.busy();
    try {
      // The engine calls this in the same tick as it logs TaskStateEntered; let that event land first.
      await nextTurn();
      if (rt.signal.aborted) throw rt.signal.reason;
      const lookup = rt.book.next(spec.name, input);
      if (lookup.outcome) {
        rt.replayed(spec.name, lookup.outcome);
        return settle(lookup.outcome);
      }
      rt.live(spec.name);
      const startedAt = lookup.startedAt ?? Date.now();
      if (lookup.startedAt === undefined) rt.recordStart(lookup.key, startedAt);
      const idleWhile = async <T>(work: Promise<T>): Promise<T> => {
        release();
        try {
          return await work;
        } finally {
          release = rt.busy();
        }
      };
      const outcome = await runLive({ spec, input, startedAt, rt, events, idleWhile });
      rt.recordOutcome(lookup.key, outcome);
      return settle(outcome);
    } finally {
      release();
    }
  };
}

async function runLive(task: LiveTask): Promise<TaskOutcome> {
  const { rt, events } = task;
  try {
    const output = await RUNNERS[task.spec.kind](task);
    if (events) rt.emit(events.succeeded(output));
    return { status: 'succeeded', output };
  } catch (error) {
    if (rt.signal.aborted) throw rt.signal.reason;
    if (error instanceof AbandonedTaskError) throw error;
    const failure = failureOf(error);
    const timedOut = failure.error === 'States.Timeout' || failure.error === 'States.HeartbeatTimeout';
    if (events) {
      rt.emit(
        timedOut
          ? events.timedOut(failure.error, failure.cause)
          : events.failed(failure.error, failure.cause),
      );
    }
    return failure;
  }
}

function settle(outcome: TaskOutcome): JsonValue {
  if (outcome.status === 'succeeded') return outcome.output;
  throw engineErrorOf(outcome);
}
