import type { TaskSpec } from './definition-prepare';
import type { EventDraft } from './history-events';
import type { JsonValue } from './json';

/** The history events of one task, in the vocabulary AWS uses for its kind of Resource. */
export interface TaskEventSet {
  scheduled(parameters: JsonValue): EventDraft;
  started(): EventDraft;
  /** Only callback tasks: the function was called and the task now waits for its token. */
  submitted?(output: JsonValue): EventDraft;
  succeeded(output: JsonValue): EventDraft;
  failed(error: string, cause: string): EventDraft;
  timedOut(error: string, cause: string): EventDraft;
}

const text = (value: JsonValue): string => JSON.stringify(value);
const full = { truncated: false };

/** Wait states (run as local tasks) have no task events: undefined. */
export function taskEvents(spec: TaskSpec, region: string): TaskEventSet | undefined {
  if (spec.kind === 'wait') return undefined;
  if (spec.kind === 'lambda-function') return lambdaFunctionEvents(spec);
  const resourceType = 'lambda';
  const resource = spec.kind === 'lambda-callback' ? 'invoke.waitForTaskToken' : 'invoke';
  return {
    scheduled: (parameters) => ({
      type: 'TaskScheduled',
      taskScheduledEventDetails: {
        resourceType,
        resource,
        region,
        parameters: text(parameters),
        timeoutInSeconds: spec.timeoutSeconds,
        heartbeatInSeconds: spec.heartbeatSeconds,
      },
    }),
    started: () => ({ type: 'TaskStarted', taskStartedEventDetails: { resourceType, resource } }),
    submitted: (output) => ({
      type: 'TaskSubmitted',
      taskSubmittedEventDetails: { resourceType, resource, output: text(output), outputDetails: full },
    }),
    succeeded: (output) => ({
      type: 'TaskSucceeded',
      taskSucceededEventDetails: { resourceType, resource, output: text(output), outputDetails: full },
    }),
    failed: (error, cause) => ({
      type: 'TaskFailed',
      taskFailedEventDetails: { resourceType, resource, error, cause },
    }),
    timedOut: (error, cause) => ({
      type: 'TaskTimedOut',
      taskTimedOutEventDetails: { resourceType, resource, error, cause },
    }),
  };
}

function lambdaFunctionEvents(spec: TaskSpec): TaskEventSet {
  return {
    scheduled: (input) => ({
      type: 'LambdaFunctionScheduled',
      lambdaFunctionScheduledEventDetails: {
        resource: spec.resource,
        input: text(input),
        inputDetails: full,
        timeoutInSeconds: spec.timeoutSeconds,
      },
    }),
    started: () => ({ type: 'LambdaFunctionStarted' }),
    succeeded: (output) => ({
      type: 'LambdaFunctionSucceeded',
      lambdaFunctionSucceededEventDetails: { output: text(output), outputDetails: full },
    }),
    failed: (error, cause) => ({
      type: 'LambdaFunctionFailed',
      lambdaFunctionFailedEventDetails: { error, cause },
    }),
    timedOut: (error, cause) => ({
      type: 'LambdaFunctionTimedOut',
      lambdaFunctionTimedOutEventDetails: { error, cause },
    }),
  };
}
