import { type EngineEvent, ExecutionError } from './asl-engine';
import { executionContext } from './context-object';
import type { Execution } from './execution';
import { executionEvents, mapEngineEvent } from './history-events';
import type { JsonValue } from './json';
import type { PreparedMachine } from './machine-catalog';
import { RetryPacing } from './retry-pacing';
import { AbandonedTaskError, ExecutionStoppedError } from './task-errors';
import { makeTaskHandler } from './task-handler';
import type { TaskRuntime } from './task-runtime';
import type { TaskTokens } from './task-tokens';
import { scaledDue, timerAt } from './timers';

export interface RunDeps {
  machine: PreparedMachine;
  tokens: TaskTokens;
  region: string;
  timeScale: number;
  invokeFunction: (functionName: string, payload: unknown) => Promise<unknown>;
  counters: { liveTaskCalls: number; replayedTaskResults: number };
  log: (line: string) => void;
}

/** How a run stops early: StopExecution, the execution's TimeoutSeconds, or the server closing. */
export type StopKind = 'aborted' | 'timedOut' | 'shutdown';

type Settled = { ok: true; output: JsonValue } | { ok: false; error: unknown };

/**
 * Runs an execution on the engine from its start. Tasks recorded by an earlier run are answered from
 * the history (see ReplayBook), so a resumed execution picks up where it stopped.
 */
export class ExecutionRun {
  private liveWork = 0;
  private stopping = false;
  private stopped?: Promise<void>;
  private readonly controller = new AbortController();
  private readonly abortEngine: () => void;
  private readonly stopClock: () => void;
  readonly done: Promise<void>;

  constructor(
    private readonly execution: Execution,
    private readonly deps: RunDeps,
  ) {
    const { machine } = deps;
    const pacing = new RetryPacing();
    const runtime = this.runtime(pacing);
    const handlers = Object.fromEntries(
      machine.prepared.tasks.map((spec) => [spec.name, makeTaskHandler(spec, runtime)]),
    );
    const input = JSON.parse(execution.header.input) as JsonValue;
    const engineRun = machine.engine.run(input, {
      overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides: pacing.overrides },
      context: executionContext({
        executionArn: execution.arn,
        executionName: execution.header.name,
        input,
        startDate: execution.startDate,
        roleArn: execution.header.roleArn,
        stateMachineArn: machine.machine.arn,
        stateMachineName: machine.machine.name,
      }),
    });
    this.abortEngine = engineRun.abort;
    this.stopClock = this.armExecutionTimeout();
    const settled = engineRun.result.then(
      (output): Settled => ({ ok: true, output }),
      (error: unknown): Settled => ({ ok: false, error }),
    );
    const consumed = this.consume(engineRun.eventLogs);
    this.done = Promise.all([settled, consumed]).then(([result]) => this.finish(result));
  }

  /** Settles once the run has ended and, when it was stopped, once the stop is recorded. */
  get finished(): Promise<void> {
    return this.done.then(() => this.stopped);
  }

  /** Blocked only on task tokens: nothing will happen without a SendTask* call. */
  get waitsOnTokensOnly(): boolean {
    return this.liveWork === 0 && this.deps.tokens.pending(this.execution.arn).length > 0;
  }

  stop(kind: StopKind, detail: { error?: string; cause?: string } = {}): Promise<void> {
    if (this.stopped) return this.stopped;
    if (this.execution.status !== 'RUNNING') return this.done;
    this.stopped = this.stopNow(kind, detail);
    return this.stopped;
  }

  private async stopNow(kind: StopKind, detail: { error?: string; cause?: string }): Promise<void> {
    this.stopping = true;
    this.stopClock();
    const reason = new ExecutionStoppedError(kind);
    this.controller.abort(reason);
    this.deps.tokens.cancel((wait) => wait.executionArn === this.execution.arn, reason);
    this.abortEngine();
    await this.done;
    const stopDate = Date.now();
    if (kind === 'aborted') {
      this.execution.close({ status: 'ABORTED', stopDate, ...detail }, [
        executionEvents.aborted(detail.error, detail.cause),
      ]);
    } else if (kind === 'timedOut') {
      const cause = `The execution did not end within its TimeoutSeconds (${this.deps.machine.prepared.timeoutSeconds})`;
      this.execution.close({ status: 'TIMED_OUT', stopDate, error: 'States.Timeout', cause }, [
        executionEvents.timedOut(cause),
      ]);
    }
  }

  private runtime(pacing: RetryPacing): TaskRuntime {
    const { execution, deps } = this;
    const unlessStopping = (write: () => void): void => {
      if (!this.stopping) write();
    };
    return {
      executionArn: execution.arn,
      region: deps.region,
      timeScale: deps.timeScale,
      book: execution.book,
      tokens: deps.tokens,
      signal: this.controller.signal,
      invoke: async (functionName, payload) => {
        deps.counters.liveTaskCalls += 1;
        return deps.invokeFunction(functionName, payload);
      },
      emit: (draft) => unlessStopping(() => execution.append([draft])),
      recordStart: (key, at) => unlessStopping(() => execution.recordStart(key, at)),
      recordOutcome: (key, outcome) => unlessStopping(() => execution.recordOutcome(key, outcome)),
      replayed: (stateName, outcome) => {
        deps.counters.replayedTaskResults += 1;
        pacing.replayed(stateName, outcome.status === 'failed');
      },
      live: (stateName) => pacing.live(stateName),
      busy: () => {
        this.liveWork += 1;
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          this.liveWork -= 1;
        };
      },
    };
  }

  /** The execution's TimeoutSeconds counts from its start, also across restarts. */
  private armExecutionTimeout(): () => void {
    const seconds = this.deps.machine.prepared.timeoutSeconds;
    if (seconds === undefined) return () => {};
    const dueAt = scaledDue(this.execution.header.startDate, seconds, this.deps.timeScale);
    return timerAt(dueAt, () => void this.stop('timedOut'));
  }

  private async consume(events: AsyncGenerator<EngineEvent>): Promise<void> {
    try {
      for await (const event of events) {
        if (this.stopping) continue;
        if (event.type === 'StateFailed') this.abandonWaitsInside(event.state.name);
        const mapped = mapEngineEvent(event, this.deps.machine.prepared.stateTypes);
        if (mapped) this.execution.appendEngineEvent(mapped);
      }
    } catch (error) {
      this.deps.log(`execution ${this.execution.arn}: history not recorded: ${String(error)}`);
    }
  }

  /** A failed Map/Parallel state aborts its branches, but the engine cannot tell their waiting tasks. */
  private abandonWaitsInside(stateName: string): void {
    const nested = this.deps.machine.prepared.nestedStates.get(stateName);
    if (!nested) return;
    this.deps.tokens.cancel(
      (wait) => wait.executionArn === this.execution.arn && nested.has(wait.stateName),
      new AbandonedTaskError(stateName),
    );
  }

  private finish(result: Settled): void {
    this.stopClock();
    if (this.stopping) return;
    const { execution, deps } = this;
    deps.tokens.cancel(
      (wait) => wait.executionArn === execution.arn,
      new AbandonedTaskError('the execution'),
    );
    const stopDate = Date.now();
    if (result.ok) {
      const output = JSON.stringify(result.output);
      execution.close({ status: 'SUCCEEDED', stopDate, output }, [executionEvents.succeeded(output)]);
      return;
    }
    const { error, cause } = describeFailure(result.error);
    execution.close({ status: 'FAILED', stopDate, error, cause }, [executionEvents.failed(error, cause)]);
  }
}

function describeFailure(failure: unknown): { error: string; cause: string } {
  const error = failure instanceof ExecutionError && failure.cause instanceof Error ? failure.cause : failure;
  if (error instanceof Error) return { error: error.name, cause: error.message };
  return { error: 'States.Runtime', cause: String(error) };
}
