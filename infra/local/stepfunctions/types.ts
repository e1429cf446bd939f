import type { HistoryEvent } from '@aws-sdk/client-sfn';

export type { HistoryEvent };

export interface LocalStateMachine {
  name: string;
  arn: string;
  /** ASL (JSONPath) with substitutions already applied. */
  definition: object;
  roleArn?: string;
}

export interface LocalStepFunctionsOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  region: string;
  accountId: string;
  /** Where execution histories are kept (one append-only JSON-lines file per execution). */
  dataDir: string;
  stateMachines: LocalStateMachine[];
  /**
   * Runs a Lambda function: `functionName` as the task gives it (name or ARN). Throws an Error whose
   * `name` is the Lambda error type. The function of a `.waitForTaskToken` task must be idempotent: after a
   * restart a pending wait gets a new token and its function is called again to store it.
   */
  invokeFunction: (functionName: string, payload: unknown) => Promise<unknown>;
  /** Task timeouts, heartbeats, Wait states and Retry intervals run this many times faster (default 1). */
  timeScale?: number;
  log?: (line: string) => void;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface PendingTaskWait {
  executionArn: string;
  stateName: string;
  token: string;
  /** When the task started (kept across restarts: its timeout counts from here). */
  since: Date;
  timeoutSeconds?: number;
  /** When it times out, in scaled local time. */
  timeoutAt?: Date;
  heartbeatSeconds?: number;
}

export interface ExecutionSummary {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  /** Every state entered and every retry counts, as AWS bills Standard workflows. */
  stateTransitions: number;
  pendingWaits: PendingTaskWait[];
}

export interface LocalStepFunctionsCounts {
  executions: Record<ExecutionStatus, number>;
  stateTransitions: number;
  /** Task functions actually called (Wait states excluded). */
  liveTaskCalls: number;
  /** Tasks answered from recorded history after a restart. */
  replayedTaskResults: number;
  pendingTaskTokens: number;
}

export interface LocalStepFunctions {
  url: string;
  port: number;
  /**
   * Stops the server. Running executions are aborted without being marked failed (they resume at the
   * next start on the same dataDir) and pending task tokens are rejected so the process can exit.
   */
  close(): Promise<void>;
  executions(): ExecutionSummary[];
  /** AWS-shaped history events (as GetExecutionHistory returns them). */
  history(executionArn: string): HistoryEvent[];
  /** Resolves when every running execution waits on a task token and nothing else is in flight. */
  idle(): Promise<void>;
  counts(): LocalStepFunctionsCounts;
}
