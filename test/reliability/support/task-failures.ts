import { TRANSIENT_FAULTS } from '../../../infra/local/chaos/transient-faults';
import type { LocalRuntime } from '../../../infra/local/runtime';

/** How the executions of some orders saw their tasks fail, from their histories. */
export interface TaskFailures {
  /** TaskFailed events with one of chaos mode's transient error names. */
  transient: number;
  /** Tasks that ran past their TimeoutSeconds (a busy machine), retried too. */
  timedOut: number;
  /** Any other task failure: none is expected. */
  other: string[];
}

const TRANSIENT = new Set(TRANSIENT_FAULTS.map((fault) => fault.errorType));

export function taskFailures(runtime: LocalRuntime, orderIds: string[]): TaskFailures {
  const wanted = new Set(orderIds);
  const result: TaskFailures = { transient: 0, timedOut: 0, other: [] };
  for (const execution of runtime.sfn.executions().filter((e) => wanted.has(e.name))) {
    for (const event of runtime.sfn.history(execution.executionArn)) {
      const details = (event.taskFailedEventDetails ?? event.lambdaFunctionFailedEventDetails) as
        | { error?: string }
        | undefined;
      if (event.type === 'TaskTimedOut' || event.type === 'LambdaFunctionTimedOut') result.timedOut++;
      else if (details?.error && TRANSIENT.has(details.error)) result.transient++;
      else if (details?.error) result.other.push(`${execution.name}: ${details.error}`);
    }
  }
  return result;
}
