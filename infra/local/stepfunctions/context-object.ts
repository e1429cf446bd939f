import type { EngineContext } from './asl-engine';
import { isJsonObject, type JsonValue } from './json';

/**
 * The engine has no `$$.Task.Token`. Its context object makes `$$.Task.Token` resolve to this marker,
 * and each callback task replaces the marker with the token it made. Replay hashes the input before
 * that replacement, so a recorded wait is found although its token differs at every run.
 */
export const TASK_TOKEN_MARKER = '__tradeflow_local_task_token__';

// The engine overwrites $$.Execution.StartTime and .Input at every run (and per Map item), which would
// change task inputs on replay; these fields keep the execution's own values.
const RECORDED_START_TIME = 'LocalRecordedStartTime';
const RECORDED_INPUT = 'LocalRecordedInput';

/** Points `$$.Execution.StartTime`/`.Input` at the fields the engine leaves alone. */
export function rewriteContextPaths(text: string): string {
  return text
    .replace(/\$\$\.Execution\.StartTime\b/g, `$$$$.Execution.${RECORDED_START_TIME}`)
    .replace(/\$\$\.Execution\.Input\b/g, `$$$$.Execution.${RECORDED_INPUT}`);
}

export interface ContextFacts {
  executionArn: string;
  executionName: string;
  input: JsonValue;
  startDate: Date;
  roleArn: string;
  stateMachineArn: string;
  stateMachineName: string;
}

export function executionContext(facts: ContextFacts): EngineContext {
  return {
    Execution: {
      Id: facts.executionArn,
      Name: facts.executionName,
      RoleArn: facts.roleArn,
      RedriveCount: 0,
      [RECORDED_START_TIME]: facts.startDate.toISOString(),
      [RECORDED_INPUT]: facts.input,
    },
    StateMachine: { Id: facts.stateMachineArn, Name: facts.stateMachineName },
    Task: { Token: TASK_TOKEN_MARKER },
  };
}

/** The task input with the marker replaced by the real token, also inside strings (`States.Format`). */
export function withTaskToken(value: JsonValue, token: string): JsonValue {
  if (typeof value === 'string') return value.split(TASK_TOKEN_MARKER).join(token);
  if (Array.isArray(value)) return value.map((item) => withTaskToken(item, token));
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withTaskToken(item, token)]));
  }
  return value;
}
