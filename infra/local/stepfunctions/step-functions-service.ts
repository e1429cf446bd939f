import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SfnApiError } from './api-error';
import { Execution } from './execution';
import { ExecutionRun, type RunDeps } from './execution-run';
import { ExecutionStore } from './execution-store';
import { executionEvents } from './history-events';
import { canonicalJson, parseJson } from './json';
import { executionArnOf, type PreparedMachine, prepareMachine } from './machine-catalog';
import { ExecutionStoppedError } from './task-errors';
import { TaskTokens } from './task-tokens';
import type {
  ExecutionStatus,
  ExecutionSummary,
  LocalStepFunctionsCounts,
  LocalStepFunctionsOptions,
} from './types';

// AWS: 1-80 characters, none of whitespace, brackets, wildcards, these specials, or control characters.
const FORBIDDEN_IN_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
const isControl = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
};
const ARN = /^arn:aws[a-z-]*:states:/;

/** The Step Functions behaviour behind the API: machines, executions, their runs and task tokens. */
export class StepFunctionsService {
  readonly machines = new Map<string, PreparedMachine>();
  readonly executions = new Map<string, Execution>();
  readonly tokens: TaskTokens;
  private readonly runs = new Map<string, ExecutionRun>();
  private readonly store: ExecutionStore;
  private readonly counters = { liveTaskCalls: 0, replayedTaskResults: 0 };
  private readonly timeScale: number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.timeScale = options.timeScale ?? 1;
    this.log = options.log ?? (() => {});
    this.tokens = new TaskTokens(this.timeScale);
    this.store = new ExecutionStore(join(options.dataDir, 'executions'));
    for (const machine of options.stateMachines) {
      this.machines.set(
        machine.arn,
        prepareMachine(machine, { ...options, timeScale: this.timeScale, log: this.log }),
      );
    }
  }

  /** Loads every recorded execution and runs again the ones still RUNNING, replaying their history. */
  resume(): void {
    for (const stored of this.store.loadAll()) {
      const execution = Execution.restore(stored, this.store);
      this.executions.set(execution.arn, execution);
      if (execution.status !== 'RUNNING') continue;
      const machine = this.machines.get(stored.header.stateMachineArn);
      if (!machine) {
        this.log(`execution ${execution.arn} stays RUNNING: its state machine is not configured`);
        continue;
      }
      if (machine.definitionHash !== stored.header.definitionHash) {
        this.log(`execution ${execution.arn} resumes on a changed definition: replay may run tasks again`);
      }
      this.log(`execution ${execution.arn} resumes`);
      this.run(execution, machine);
    }
  }

  machine(stateMachineArn: string): PreparedMachine {
    if (!ARN.test(stateMachineArn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${stateMachineArn}'`);
    const machine = this.machines.get(stateMachineArn);
    if (!machine)
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return machine;
  }

  execution(executionArn: string): Execution {
    if (!ARN.test(executionArn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${executionArn}'`);
    const execution = this.executions.get(executionArn);
    if (!execution)
      throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }

  /**
   * As AWS: the same name and input as an open execution returns that execution; a different input, or
   * any input once that execution has closed, is ExecutionAlreadyExists.
   */
  start(request: { stateMachineArn: string; name?: string; input?: string }): Execution {
    const machine = this.machine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (name.length < 1 || name.length > 80 || FORBIDDEN_IN_NAME.test(name) || [...name].some(isControl)) {
      throw new SfnApiError('InvalidName', `Invalid Name: '${name}'`);
    }
    const input = request.input ?? '{}';
    const parsed = parseJson(input);
    if (parsed === undefined)
      throw new SfnApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input}'`);
    const executionArn = executionArnOf(machine.machine, name);
    const existing = this.executions.get(executionArn);
    if (existing) {
      const sameInput = canonicalJson(parseJson(existing.header.input) ?? null) === canonicalJson(parsed);
      if (existing.status === 'RUNNING' && sameInput) return existing;
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution = Execution.create(
      {
        executionArn,
        stateMachineArn: machine.machine.arn,
        name,
        input,
        startDate: Date.now(),
        roleArn: machine.roleArn,
        definitionHash: machine.definitionHash,
      },
      this.store,
    );
    this.executions.set(executionArn, execution);
    this.run(execution, machine);
    return execution;
  }

  async stop(executionArn: string, detail: { error?: string; cause?: string }): Promise<Execution> {
    const execution = this.execution(executionArn);
    if (execution.status !== 'RUNNING') return execution;
    const run = this.runs.get(executionArn);
    if (run) {
      await run.stop('aborted', detail);
    } else {
      const closed = { status: 'ABORTED' as const, stopDate: Date.now(), ...detail };
      execution.close(closed, [executionEvents.aborted(detail.error, detail.cause)]);
    }
    return execution;
  }

  sendTaskSuccess(token: string, output: string): void {
    const parsed = parseJson(output);
    if (parsed === undefined) throw new SfnApiError('InvalidOutput', `Invalid Output: '${output}'`);
    this.tokens.succeed(token, parsed);
  }

  summaries(): ExecutionSummary[] {
    return [...this.executions.values()].map((execution) =>
      execution.summary(this.tokens.pending(execution.arn)),
    );
  }

  counts(): LocalStepFunctionsCounts {
    const executions: Record<ExecutionStatus, number> = {
      RUNNING: 0,
      SUCCEEDED: 0,
      FAILED: 0,
      TIMED_OUT: 0,
      ABORTED: 0,
    };
    let stateTransitions = 0;
    for (const execution of this.executions.values()) {
      executions[execution.status] += 1;
      stateTransitions += execution.transitions;
    }
    return {
      executions,
      stateTransitions,
      ...this.counters,
      pendingTaskTokens: this.tokens.pending().length,
    };
  }

  /** Polls until two turns in a row find every run waiting on task tokens only (or none running). */
  async idle(): Promise<void> {
    let quietTurns = 0;
    while (quietTurns < 2) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const quiet = [...this.runs.values()].every((run) => run.waitsOnTokensOnly);
      quietTurns = quiet ? quietTurns + 1 : 0;
    }
  }

  /** Stops every run without closing its execution, so the next start resumes it. */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((run) => run.stop('shutdown')));
    this.tokens.cancel(() => true, new ExecutionStoppedError('shutdown'));
    this.store.seal();
  }

  private run(execution: Execution, machine: PreparedMachine): void {
    const deps: RunDeps = {
      machine,
      tokens: this.tokens,
      region: this.options.region,
      timeScale: this.timeScale,
      invokeFunction: this.options.invokeFunction,
      counters: this.counters,
      log: this.log,
    };
    const run = new ExecutionRun(execution, deps);
    this.runs.set(execution.arn, run);
    void run.finished.then(() => {
      if (this.runs.get(execution.arn) === run) this.runs.delete(execution.arn);
    });
  }
}
