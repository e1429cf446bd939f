import { DefinitionError } from '../../../../infra/local/stepfunctions/definition-error';
import {
  ENGINE_TASK_TIMEOUT_SECONDS,
  LOCAL_WAIT_RESOURCE,
  prepareDefinition,
} from '../../../../infra/local/stepfunctions/definition-prepare';
import type { AslObject } from '../../../../infra/local/stepfunctions/state-walk';

const FN_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:price';

const definition = {
  StartAt: 'Validate',
  TimeoutSeconds: 3600,
  States: {
    Validate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'validate', 'Payload.$': '$' },
      ResultPath: '$',
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxDelaySeconds: 10, BackoffRate: 2 }],
      Catch: [{ ErrorEquals: ['ValidationError'], ResultPath: '$', Next: 'Done' }],
      Next: 'Lines',
    },
    Lines: {
      Type: 'Map',
      ItemsPath: '$.lines',
      ItemProcessor: {
        StartAt: 'Price',
        States: { Price: { Type: 'Task', Resource: FN_ARN, TimeoutSeconds: 30, End: true } },
      },
      Next: 'Approve',
    },
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: 'ask',
        Payload: { 'token.$': '$$.Task.Token', 'at.$': '$$.Execution.StartTime' },
      },
      TimeoutSeconds: 86400,
      HeartbeatSeconds: 600,
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Done' },
    Done: { Type: 'Pass', End: true },
  },
};

const states = (machine: AslObject): Record<string, AslObject> => machine.States as Record<string, AslObject>;

describe('prepareDefinition', () => {
  it('classifies every task, nested ones included, with its own timeouts', () => {
    // Act
    const prepared = prepareDefinition('orders', definition, 1);

    // Assess
    expect(prepared.tasks).toEqual([
      { name: 'Validate', kind: 'lambda-invoke', resource: 'arn:aws:states:::lambda:invoke' },
      { name: 'Price', kind: 'lambda-function', resource: FN_ARN, timeoutSeconds: 30 },
      {
        name: 'Approve',
        kind: 'lambda-callback',
        resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        timeoutSeconds: 86400,
        heartbeatSeconds: 600,
      },
      { name: 'Pause', kind: 'wait', resource: LOCAL_WAIT_RESOURCE },
    ]);
    expect(prepared.timeoutSeconds).toBe(3600);
    expect(prepared.stateTypes.get('Pause')).toBe('Wait');
    expect(prepared.nestedStates.get('Lines')).toEqual(new Set(['Price']));
  });

  it('leaves timeouts to the server and the original definition untouched', () => {
    // Act
    const prepared = prepareDefinition('orders', definition, 1);
    const run = prepared.runDefinition;

    // Assess
    expect(run.TimeoutSeconds).toBeUndefined();
    expect(states(run).Approve.TimeoutSeconds).toBe(ENGINE_TASK_TIMEOUT_SECONDS);
    expect(states(run).Approve.HeartbeatSeconds).toBeUndefined();
    expect(states(run).Validate.TimeoutSeconds).toBe(ENGINE_TASK_TIMEOUT_SECONDS);
    expect(definition.States.Approve.TimeoutSeconds).toBe(86400);
  });

  it('turns a Wait state into a local task that passes its input through', () => {
    // Act
    const pause = states(prepareDefinition('orders', definition, 1).runDefinition).Pause;

    // Assess
    expect(pause).toEqual({
      Type: 'Task',
      Resource: LOCAL_WAIT_RESOURCE,
      Parameters: { 'input.$': '$', 'seconds.$': '$.delay' },
      TimeoutSeconds: ENGINE_TASK_TIMEOUT_SECONDS,
      Next: 'Done',
    });
  });

  it('scales retry intervals by timeScale and drops ResultPath "$" the engine mishandles', () => {
    // Act
    const validate = states(prepareDefinition('orders', definition, 1000).runDefinition).Validate;

    // Assess
    expect(validate.Retry).toEqual([
      { ErrorEquals: ['States.ALL'], IntervalSeconds: 0.002, MaxDelaySeconds: 0.01, BackoffRate: 2 },
    ]);
    expect(validate.ResultPath).toBeUndefined();
    expect(validate.Catch).toEqual([{ ErrorEquals: ['ValidationError'], Next: 'Done' }]);
  });

  it('rewrites $$.Execution.StartTime so replays see the same task input', () => {
    // Act
    const approve = states(prepareDefinition('orders', definition, 1).runDefinition).Approve;

    // Assess
    expect(approve.Parameters).toEqual({
      FunctionName: 'ask',
      Payload: { 'token.$': '$$.Task.Token', 'at.$': '$$.Execution.LocalRecordedStartTime' },
    });
  });

  it('warns about intrinsics that change task inputs on replay', () => {
    // Prepare
    const withUuid = {
      StartAt: 'P',
      States: { P: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()' }, End: true } },
    };

    // Act / Assess
    expect(prepareDefinition('m', withUuid, 1).warnings).toEqual([expect.stringContaining('States.UUID')]);
  });
});

describe('prepareDefinition refuses what it cannot run', () => {
  const single = (state: object, extra: object = {}): object => ({
    StartAt: 'S',
    States: { S: state },
    ...extra,
  });
  const lambda = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: 'f' },
    End: true,
  };

  it.each([
    ['JSONata', single({ Type: 'Pass', End: true }, { QueryLanguage: 'JSONata' }), /JSONata/],
    ['Assign', single({ Type: 'Pass', Assign: { x: 1 }, End: true }), /Assign/],
    [
      'an unknown resource',
      single({ Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }),
      /Resource/,
    ],
    [
      'a .sync integration',
      single({ Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', End: true }),
      /Resource/,
    ],
    ['TimeoutSecondsPath', single({ ...lambda, TimeoutSecondsPath: '$.t' }), /TimeoutSecondsPath/],
    [
      'lambda:invoke without FunctionName',
      single({ ...lambda, Parameters: { Payload: {} } }),
      /FunctionName/,
    ],
    [
      'an async invoke',
      single({ ...lambda, Parameters: { FunctionName: 'f', InvocationType: 'Event' } }),
      /InvocationType/,
    ],
    ['$$.State', single({ Type: 'Pass', Parameters: { 'n.$': '$$.State.Name' }, End: true }), /\$\$\.State/],
    [
      '$$.Task.Token outside a callback task',
      single({ ...lambda, Parameters: { FunctionName: 'f', Payload: { 't.$': '$$.Task.Token' } } }),
      /waitForTaskToken/,
    ],
    [
      'a distributed Map',
      single({
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED' },
          StartAt: 'P',
          States: { P: { Type: 'Pass', End: true } },
        },
        End: true,
      }),
      /distributed/,
    ],
    [
      'a StartAt that is not a state',
      { StartAt: 'Nope', States: { S: { Type: 'Pass', End: true } } },
      /StartAt/,
    ],
    ['a Next to a missing state', single({ Type: 'Pass', Next: 'Nowhere' }), /Nowhere/],
    ['a state with neither Next nor End', single({ Type: 'Pass' }), /neither Next nor End/],
    [
      'a Wait with two durations',
      single({ Type: 'Wait', Seconds: 1, SecondsPath: '$.s', End: true }),
      /exactly one/,
    ],
    [
      'a Catch to a missing state',
      single({ ...lambda, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gone' }] }),
      /Gone/,
    ],
    [
      'a state name used twice',
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }],
            End: true,
          },
        },
      },
      /used twice/,
    ],
  ])('refuses %s', (_label, machine, message) => {
    // Act / Assess
    expect(() => prepareDefinition('m', machine, 1)).toThrow(DefinitionError);
    expect(() => prepareDefinition('m', machine, 1)).toThrow(message);
  });
});
