import './promise-with-resolvers';
import {
  ExecutionError,
  type RunOptions,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';

/** The one place that loads aws-local-stepfunctions (after the polyfill it needs on Node 20). */
export { ExecutionError, StateMachine, type StateMachineDefinition };
export type EngineRun = ReturnType<StateMachine['run']>;
export type EngineEvent = EngineRun['eventLogs'] extends AsyncGenerator<infer E> ? E : never;
export type EngineOverrides = NonNullable<RunOptions['overrides']>;
export type EngineContext = NonNullable<RunOptions['context']>;
export type EngineTaskHandlers = NonNullable<EngineOverrides['taskResourceLocalHandlers']>;

type ErrorClass = new () => Error;
let timeoutErrorClass: ErrorClass | undefined;

/**
 * The engine lets `States.TaskFailed` match every error except instances of its own, unexported
 * `States.Timeout` class. Our timeouts must behave the same, so catch one instance once and keep its class.
 */
export async function loadEngineTimeoutError(): Promise<void> {
  if (timeoutErrorClass) return;
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: {
        Probe: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:000000000000:function:probe',
          TimeoutSeconds: 0.001,
          End: true,
        },
      },
    },
    { validationOptions: { noValidate: true } },
  );
  let release: () => void = () => {};
  const never = new Promise<null>((resolve) => {
    release = () => resolve(null);
  });
  try {
    await probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => never } } }).result;
  } catch (error) {
    const cause = error instanceof ExecutionError ? error.cause : undefined;
    if (cause instanceof Error && cause.name === 'States.Timeout') {
      timeoutErrorClass = cause.constructor as ErrorClass;
    }
  } finally {
    release();
  }
  if (!timeoutErrorClass)
    throw new Error('aws-local-stepfunctions: could not find its States.Timeout error class');
}

/** A `States.Timeout` error that `States.TaskFailed` does not match, as in AWS. */
export function statesTimeoutError(cause: string): Error {
  if (!timeoutErrorClass) throw new Error('call loadEngineTimeoutError() first');
  const error = new timeoutErrorClass();
  error.message = cause;
  return error;
}

export function isStatesTimeoutError(error: unknown): error is Error {
  return timeoutErrorClass !== undefined && error instanceof timeoutErrorClass;
}
