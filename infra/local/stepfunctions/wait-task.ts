import { isJsonObject, type JsonValue } from './json';
import { TaskFailure } from './task-errors';
import type { LiveTask } from './task-runtime';
import { scaledDue, sleepUntil } from './timers';

/**
 * A Wait state (rewritten as a task with `{ input, seconds | timestamp }` parameters). It waits from its
 * first start, so after a restart only the time left is waited; time runs timeScale times faster.
 */
export async function runWait(task: LiveTask): Promise<JsonValue> {
  const parameters = isJsonObject(task.input) ? task.input : {};
  const dueAt = waitDue(parameters, task.startedAt, task.rt.timeScale);
  await sleepUntil(dueAt, task.rt.signal);
  return parameters.input ?? null;
}

function waitDue(parameters: { [key: string]: JsonValue }, startedAt: number, timeScale: number): number {
  const { seconds, timestamp } = parameters;
  if (typeof seconds === 'number' && seconds >= 0) return scaledDue(startedAt, seconds, timeScale);
  if (typeof timestamp === 'string' && !Number.isNaN(Date.parse(timestamp))) {
    const left = Math.max(0, Date.parse(timestamp) - startedAt);
    return startedAt + left / timeScale;
  }
  throw new TaskFailure('States.Runtime', 'a Wait state needs non-negative Seconds or an ISO 8601 Timestamp');
}
