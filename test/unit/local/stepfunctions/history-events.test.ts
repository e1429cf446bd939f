import type { EngineEvent } from '../../../../infra/local/stepfunctions/asl-engine';
import { mapEngineEvent } from '../../../../infra/local/stepfunctions/history-events';

const types = new Map([
  ['Charge', 'Task'],
  ['Pause', 'Wait'],
  ['Lines', 'Map'],
  ['Both', 'Parallel'],
]);
const at = 1_700_000_000_000;

describe('mapEngineEvent', () => {
  it('maps a state entered to the AWS event of its written type (a Wait runs as a task)', () => {
    // Prepare
    const event: EngineEvent = {
      type: 'StateEntered',
      timestamp: at,
      state: { name: 'Pause', type: 'Task', input: { a: 1 } },
    };

    // Act
    const mapped = mapEngineEvent(event, types);

    // Assess
    expect(mapped).toEqual({
      replayKey: 'StateEntered|Pause|',
      transition: true,
      drafts: [
        {
          type: 'WaitStateEntered',
          timestamp: new Date(at),
          stateEnteredEventDetails: { name: 'Pause', input: '{"a":1}', inputDetails: { truncated: false } },
        },
      ],
    });
  });

  it('adds MapStateSucceeded before a Map exits and keys nested events by iteration', () => {
    // Prepare
    const exited: EngineEvent = {
      type: 'StateExited',
      timestamp: at,
      state: { name: 'Lines', type: 'Map', input: [], output: [1] },
    };
    const nested: EngineEvent = {
      type: 'StateEntered',
      timestamp: at,
      index: 2,
      state: { name: 'Charge', type: 'Task', input: {} },
    };

    // Act / Assess
    expect(mapEngineEvent(exited, types)?.drafts.map((draft) => draft.type)).toEqual([
      'MapStateSucceeded',
      'MapStateExited',
    ]);
    expect(mapEngineEvent(nested, types)?.replayKey).toBe('StateEntered|Charge|2');
  });

  it('maps map iterations and counts a retry as a transition without an event', () => {
    // Prepare
    const iteration: EngineEvent = {
      type: 'MapIterationStarted',
      timestamp: at,
      index: 1,
      parentState: { name: 'Lines', type: 'Map', input: [] },
    };
    const retried: EngineEvent = {
      type: 'StateRetried',
      timestamp: at,
      state: { name: 'Charge', type: 'Task', input: {} },
      retry: { retrier: { ErrorEquals: ['States.ALL'] }, attempt: 0 },
    };

    // Act / Assess
    expect(mapEngineEvent(iteration, types)?.drafts).toEqual([
      {
        type: 'MapIterationStarted',
        timestamp: new Date(at),
        mapIterationStartedEventDetails: { name: 'Lines', index: 1 },
      },
    ]);
    expect(mapEngineEvent(retried, types)).toEqual({
      replayKey: 'StateRetried|Charge|',
      drafts: [],
      transition: true,
    });
  });

  it('leaves task failures to the task events and drops what AWS does not show', () => {
    // Prepare
    const taskFailed: EngineEvent = {
      type: 'StateFailed',
      timestamp: at,
      state: { name: 'Charge', type: 'Task', input: {} },
      Error: 'X',
      Cause: 'y',
    };
    const started: EngineEvent = { type: 'ExecutionStarted', timestamp: at, input: {} };

    // Act / Assess
    expect(mapEngineEvent(taskFailed, types)).toBeUndefined();
    expect(mapEngineEvent(started, types)).toBeUndefined();
  });
});
