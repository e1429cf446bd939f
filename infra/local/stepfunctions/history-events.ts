import type { HistoryEventType } from '@aws-sdk/client-sfn';
import type { EngineEvent } from './asl-engine';
import type { JsonValue } from './json';
import type { HistoryEvent } from './types';

/** A history event before the execution gives it an id and a previous id. */
export type EventDraft = Omit<HistoryEvent, 'id' | 'previousEventId' | 'timestamp'> & { timestamp?: Date };

/** An engine event in AWS' shape; `replayKey` lets a replay skip the ones already recorded. */
export interface MappedEngineEvent {
  replayKey: string;
  drafts: EventDraft[];
  /** Counts as a state transition (a state entered, or a retry). */
  transition: boolean;
}

const ENTERED: Record<string, HistoryEventType> = {
  Task: 'TaskStateEntered',
  Pass: 'PassStateEntered',
  Choice: 'ChoiceStateEntered',
  Wait: 'WaitStateEntered',
  Succeed: 'SucceedStateEntered',
  Fail: 'FailStateEntered',
  Map: 'MapStateEntered',
  Parallel: 'ParallelStateEntered',
};

const EXITED: Record<string, HistoryEventType> = {
  Task: 'TaskStateExited',
  Pass: 'PassStateExited',
  Choice: 'ChoiceStateExited',
  Wait: 'WaitStateExited',
  Succeed: 'SucceedStateExited',
  Map: 'MapStateExited',
  Parallel: 'ParallelStateExited',
};

const json = (value: JsonValue | undefined): string => JSON.stringify(value ?? null);

/** Maps an aws-local-stepfunctions event log entry to AWS history events (undefined: none to keep). */
export function mapEngineEvent(
  event: EngineEvent,
  stateTypes: ReadonlyMap<string, string>,
): MappedEngineEvent | undefined {
  const timestamp = new Date(event.timestamp);
  switch (event.type) {
    case 'StateEntered': {
      const { name, input } = event.state;
      const type = stateTypes.get(name) ?? event.state.type;
      const entered: EventDraft = {
        type: ENTERED[type],
        timestamp,
        stateEnteredEventDetails: { name, input: json(input), inputDetails: { truncated: false } },
      };
      const drafts =
        type === 'Parallel' ? [entered, { type: 'ParallelStateStarted' as const, timestamp }] : [entered];
      return { replayKey: replayKey(event.type, name, event.index), drafts, transition: true };
    }
    case 'StateExited': {
      const { name, output } = event.state;
      const type = stateTypes.get(name) ?? event.state.type;
      const exited: EventDraft = {
        type: EXITED[type],
        timestamp,
        stateExitedEventDetails: { name, output: json(output), outputDetails: { truncated: false } },
      };
      const before: EventDraft[] = [];
      if (type === 'Map') before.push({ type: 'MapStateSucceeded', timestamp });
      if (type === 'Parallel') before.push({ type: 'ParallelStateSucceeded', timestamp });
      return {
        replayKey: replayKey(event.type, name, event.index),
        drafts: [...before, exited],
        transition: false,
      };
    }
    case 'StateFailed': {
      // A task's failure is told by the task's own TaskFailed/LambdaFunctionFailed event.
      const type = stateTypes.get(event.state.name) ?? event.state.type;
      const failedType =
        type === 'Map' ? 'MapStateFailed' : type === 'Parallel' ? 'ParallelStateFailed' : undefined;
      if (!failedType) return undefined;
      const drafts: EventDraft[] = [{ type: failedType, timestamp }];
      return { replayKey: replayKey(event.type, event.state.name, event.index), drafts, transition: false };
    }
    case 'StateRetried':
      return {
        replayKey: replayKey(event.type, event.state.name, event.index),
        drafts: [],
        transition: true,
      };
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed': {
      const draft = mapIterationDraft(event.type, timestamp, {
        name: event.parentState.name,
        index: event.index,
      });
      return {
        replayKey: replayKey(event.type, event.parentState.name, event.index),
        drafts: [draft],
        transition: false,
      };
    }
    default:
      return undefined;
  }
}

function replayKey(type: string, name: string, index: number | undefined): string {
  return `${type}|${name}|${index ?? ''}`;
}

type MapIterationType = 'MapIterationStarted' | 'MapIterationSucceeded' | 'MapIterationFailed';

function mapIterationDraft(
  type: MapIterationType,
  timestamp: Date,
  details: { name: string; index: number },
): EventDraft {
  switch (type) {
    case 'MapIterationStarted':
      return { type, timestamp, mapIterationStartedEventDetails: details };
    case 'MapIterationSucceeded':
      return { type, timestamp, mapIterationSucceededEventDetails: details };
    case 'MapIterationFailed':
      return { type, timestamp, mapIterationFailedEventDetails: details };
  }
}

export const executionEvents = {
  started: (input: string, roleArn: string, timestamp: Date): EventDraft => ({
    type: 'ExecutionStarted',
    timestamp,
    executionStartedEventDetails: { input, inputDetails: { truncated: false }, roleArn },
  }),
  succeeded: (output: string): EventDraft => ({
    type: 'ExecutionSucceeded',
    executionSucceededEventDetails: { output, outputDetails: { truncated: false } },
  }),
  failed: (error: string, cause: string): EventDraft => ({
    type: 'ExecutionFailed',
    executionFailedEventDetails: { error, cause },
  }),
  aborted: (error?: string, cause?: string): EventDraft => ({
    type: 'ExecutionAborted',
    executionAbortedEventDetails: { error, cause },
  }),
  timedOut: (cause: string): EventDraft => ({
    type: 'ExecutionTimedOut',
    executionTimedOutEventDetails: { error: 'States.Timeout', cause },
  }),
};
