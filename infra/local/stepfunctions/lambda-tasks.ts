import { statesTimeoutError } from './asl-engine';
import { withTaskToken } from './context-object';
import { isJsonObject, type JsonValue, toJson } from './json';
import { lambdaInvokeOutput } from './lambda-results';
import { TaskFailure } from './task-errors';
import type { LiveTask } from './task-runtime';
import { scaledDue, within } from './timers';

/** `arn:aws:states:::lambda:invoke`: the function's result wrapped as `{ Payload, StatusCode, ... }`. */
export async function invokeLambda(task: LiveTask): Promise<JsonValue> {
  const { functionName, payload } = lambdaParameters(task.input);
  emitStart(task, task.input);
  const result = await within(task.rt.invoke(functionName, payload), deadline(task));
  return lambdaInvokeOutput(toJson(result));
}

/** A Lambda function ARN as Resource: the effective input is the payload, the result is the output. */
export async function invokeFunctionArn(task: LiveTask): Promise<JsonValue> {
  emitStart(task, task.input);
  return toJson(await within(task.rt.invoke(task.spec.resource, task.input), deadline(task)));
}

/**
 * `lambda:invoke.waitForTaskToken`: make a token, put it where the input had `$$.Task.Token`, call the
 * function, then wait until SendTaskSuccess/SendTaskFailure or a timeout (the token's clock) ends it.
 */
export async function waitForTaskToken(task: LiveTask): Promise<JsonValue> {
  const { spec, rt, startedAt } = task;
  const { functionName } = lambdaParameters(task.input);
  const open = rt.tokens.open({
    executionArn: rt.executionArn,
    stateName: spec.name,
    startedAt,
    timeoutSeconds: spec.timeoutSeconds,
    heartbeatSeconds: spec.heartbeatSeconds,
  });
  try {
    const parameters = withTaskToken(task.input, open.token);
    emitStart(task, parameters);
    const payload = isJsonObject(parameters) ? (parameters.Payload ?? {}) : {};
    // The function may answer the token before it returns: either may come first.
    const invoked = rt.invoke(functionName, payload).then((result) => ({ answered: false as const, result }));
    const answered = open.result.then((output) => ({ answered: true as const, output }));
    const first = await within(Promise.race([invoked, answered]), { signal: rt.signal });
    if (first.answered) return first.output;
    const submitted = task.events?.submitted?.(lambdaInvokeOutput(toJson(first.result)));
    if (submitted) rt.emit(submitted);
    return await task.idleWhile(within(open.result, { signal: rt.signal }));
  } finally {
    rt.tokens.discard(open.token);
  }
}

function emitStart(task: LiveTask, parameters: JsonValue): void {
  if (!task.events) return;
  task.rt.emit(task.events.scheduled(parameters));
  task.rt.emit(task.events.started());
}

function lambdaParameters(input: JsonValue): { functionName: string; payload: JsonValue } {
  if (!isJsonObject(input) || typeof input.FunctionName !== 'string') {
    throw new TaskFailure('States.Runtime', 'lambda:invoke needs Parameters.FunctionName (a string)');
  }
  return { functionName: input.FunctionName, payload: input.Payload ?? {} };
}

function deadline(task: LiveTask): { dueAt?: number; onTimeout: () => Error; signal: AbortSignal } {
  const seconds = task.spec.timeoutSeconds;
  const cause = `The task did not end within its TimeoutSeconds (${seconds})`;
  return {
    dueAt: seconds === undefined ? undefined : scaledDue(task.startedAt, seconds, task.rt.timeScale),
    onTimeout: () => statesTimeoutError(cause),
    signal: task.rt.signal,
  };
}
