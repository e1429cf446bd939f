import { randomBytes } from 'node:crypto';
import { SfnApiError } from './api-error';
import { statesTimeoutError } from './asl-engine';
import type { JsonValue } from './json';
import { TaskFailure } from './task-errors';
import { scaledDue, timerAt } from './timers';
import type { PendingTaskWait } from './types';

export interface OpenTaskRequest {
  executionArn: string;
  stateName: string;
  /** When the task first started: the timeout counts from here, also after a restart. */
  startedAt: number;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface OpenTask {
  token: string;
  /** Settled by SendTaskSuccess/SendTaskFailure, or rejected by a timeout. */
  result: Promise<JsonValue>;
}

interface Waiting {
  wait: PendingTaskWait;
  resolve: (output: JsonValue) => void;
  reject: (error: Error) => void;
  stopTimeout: () => void;
  stopHeartbeat: () => void;
}

const noop = (): void => {};

/** The task tokens of callback tasks that wait, with their timeout and heartbeat clocks. */
export class TaskTokens {
  private readonly waiting = new Map<string, Waiting>();
  /** Tokens whose task has ended: answering them is TaskTimedOut, as AWS says of closed tasks. */
  private readonly closed = new Set<string>();

  constructor(private readonly timeScale: number) {}

  open(request: OpenTaskRequest): OpenTask {
    const token = randomBytes(48).toString('base64url');
    let resolve: (output: JsonValue) => void = noop;
    let reject: (error: Error) => void = noop;
    const result = new Promise<JsonValue>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // The task awaits `result`; when it has already moved on, a late rejection must not crash the process.
    result.catch(noop);
    const { executionArn, stateName, startedAt, timeoutSeconds, heartbeatSeconds } = request;
    const wait: PendingTaskWait = { executionArn, stateName, token, since: new Date(startedAt) };
    const entry: Waiting = { wait, resolve, reject, stopTimeout: noop, stopHeartbeat: noop };
    this.waiting.set(token, entry);
    if (timeoutSeconds !== undefined) {
      const dueAt = scaledDue(startedAt, timeoutSeconds, this.timeScale);
      Object.assign(wait, { timeoutSeconds, timeoutAt: new Date(dueAt) });
      const cause = `The task did not end within its TimeoutSeconds (${timeoutSeconds})`;
      entry.stopTimeout = timerAt(dueAt, () => this.expire(token, statesTimeoutError(cause)));
    }
    if (heartbeatSeconds !== undefined) {
      wait.heartbeatSeconds = heartbeatSeconds;
      this.armHeartbeat(entry);
    }
    return { token, result };
  }

  succeed(token: string, output: JsonValue): void {
    const entry = this.find(token);
    this.close(entry);
    entry.resolve(output);
  }

  fail(token: string, error: string, cause: string): void {
    const entry = this.find(token);
    this.close(entry);
    entry.reject(new TaskFailure(error, cause));
  }

  heartbeat(token: string): void {
    this.armHeartbeat(this.find(token));
  }

  /** Ends a wait without settling it (its task already failed or stopped). */
  discard(token: string): void {
    const entry = this.waiting.get(token);
    if (entry) this.close(entry);
  }

  /** Ends every matching wait by rejecting it with `reason`. */
  cancel(matches: (wait: PendingTaskWait) => boolean, reason: Error): void {
    for (const entry of [...this.waiting.values()]) {
      if (!matches(entry.wait)) continue;
      this.close(entry);
      entry.reject(reason);
    }
  }

  pending(executionArn?: string): PendingTaskWait[] {
    const waits = [...this.waiting.values()].map((entry) => ({ ...entry.wait }));
    return executionArn === undefined ? waits : waits.filter((wait) => wait.executionArn === executionArn);
  }

  private find(token: string): Waiting {
    const entry = this.waiting.get(token);
    if (entry) return entry;
    if (this.closed.has(token)) {
      throw new SfnApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    }
    throw new SfnApiError(
      'TaskDoesNotExist',
      'Task does not exist (a restart gives pending waits new tokens)',
    );
  }

  private armHeartbeat(entry: Waiting): void {
    const seconds = entry.wait.heartbeatSeconds;
    if (seconds === undefined) return;
    entry.stopHeartbeat();
    const cause = `No heartbeat within HeartbeatSeconds (${seconds})`;
    const dueAt = scaledDue(Date.now(), seconds, this.timeScale);
    entry.stopHeartbeat = timerAt(dueAt, () =>
      this.expire(entry.wait.token, new TaskFailure('States.HeartbeatTimeout', cause)),
    );
  }

  private expire(token: string, error: Error): void {
    const entry = this.waiting.get(token);
    if (!entry) return;
    this.close(entry);
    entry.reject(error);
  }

  private close(entry: Waiting): void {
    entry.stopTimeout();
    entry.stopHeartbeat();
    this.waiting.delete(entry.wait.token);
    this.closed.add(entry.wait.token);
  }
}
