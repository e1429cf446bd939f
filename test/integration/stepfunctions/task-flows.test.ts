import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  functionArn,
  type Harness,
  machineArn,
  namedError,
  removeDataDir,
  startHarness,
  waitForEnd,
} from './sfn-harness';

const invoke = (fn: string, extra: object = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: fn, 'Payload.$': '$' },
  ResultSelector: { 'value.$': '$.Payload' },
  ...extra,
});

const machines = {
  happy: {
    StartAt: 'Validate',
    States: {
      Validate: invoke('validate', { ResultPath: '$.validation', Next: 'Route' }),
      Route: {
        Type: 'Choice',
        Choices: [{ Variable: '$.validation.value.ok', BooleanEquals: true, Next: 'Work' }],
        Default: 'Rejected',
      },
      Work: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Lines',
            States: {
              Lines: {
                Type: 'Map',
                ItemsPath: '$.lines',
                ItemProcessor: {
                  StartAt: 'Price',
                  States: { Price: { Type: 'Task', Resource: functionArn('price'), End: true } },
                },
                End: true,
              },
            },
          },
          { StartAt: 'Stamp', States: { Stamp: { Type: 'Pass', Result: 'stamped', End: true } } },
        ],
        ResultPath: '$.work',
        Next: 'Done',
      },
      Rejected: { Type: 'Fail', Error: 'Rejected', Cause: 'validation failed' },
      Done: { Type: 'Succeed' },
    },
  },
  retry: {
    StartAt: 'Reserve',
    States: {
      Reserve: invoke('flaky', {
        Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 }],
        End: true,
      }),
    },
  },
  catching: {
    StartAt: 'Check',
    States: {
      Check: invoke('check', {
        Catch: [
          { ErrorEquals: ['ValidationError'], ResultPath: '$.error', Next: 'Invalid' },
          { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Broken' },
        ],
        End: true,
      }),
      Invalid: { Type: 'Pass', Result: 'invalid', ResultPath: '$.route', End: true },
      Broken: { Type: 'Pass', Result: 'broken', ResultPath: '$.route', End: true },
    },
  },
  uncaught: { StartAt: 'Check', States: { Check: invoke('check', { End: true }) } },
};

describe('local Step Functions: task flows', () => {
  let harness: Harness;
  let attempts = 0;

  beforeAll(async () => {
    harness = await startHarness({
      machines,
      functions: {
        validate: (order) => ({ ok: (order as { lines: unknown[] }).lines.length > 0 }),
        price: (line) => ({ ...(line as object), price: 10 }),
        flaky: () => {
          attempts += 1;
          if (attempts < 3) throw namedError('Busy', `attempt ${attempts}`);
          return { reserved: true, attempts };
        },
        check: (input) => {
          const kind = (input as { kind: string }).kind;
          if (kind === 'invalid') throw namedError('ValidationError', 'sku unknown');
          if (kind === 'broken') throw namedError('TypeError', 'x is undefined');
          return { checked: true };
        },
      },
    });
  });
  afterAll(async () => {
    await harness.stop();
    removeDataDir(harness.dataDir);
  });

  const run = async (machine: string, input: object) => {
    const { executionArn } = await harness.client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn(machine), input: JSON.stringify(input) }),
    );
    return waitForEnd(harness.client, executionArn);
  };

  it('runs lambda:invoke, Choice, Parallel, Map and a function ARN to success', async () => {
    // Act
    const result = await run('happy', { lines: [{ sku: 'A' }, { sku: 'B' }] });

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output ?? '')).toEqual({
      lines: [{ sku: 'A' }, { sku: 'B' }],
      validation: { value: { ok: true } },
      work: [
        [
          { sku: 'A', price: 10 },
          { sku: 'B', price: 10 },
        ],
        'stamped',
      ],
    });
    expect(result.startDate).toBeInstanceOf(Date);
    expect(result.stopDate?.getTime()).toBeGreaterThanOrEqual(result.startDate?.getTime() ?? 0);
  });

  it('fails on a Fail state with its error and cause', async () => {
    // Act
    const result = await run('happy', { lines: [] });

    // Assess
    expect(result).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'validation failed' });
  });

  it('retries a named error and then succeeds, counting retries as transitions', async () => {
    // Act
    const result = await run('retry', {});

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output ?? '')).toEqual({ value: { reserved: true, attempts: 3 } });
    const summary = harness.server.executions().find((e) => e.executionArn === result.executionArn);
    expect(summary?.stateTransitions).toBe(3);
  });

  it('catches a Lambda error by its name, with a Lambda-shaped cause', async () => {
    // Act
    const invalid = await run('catching', { kind: 'invalid' });
    const broken = await run('catching', { kind: 'broken' });

    // Assess
    expect(JSON.parse(invalid.output ?? '')).toEqual({
      kind: 'invalid',
      error: {
        Error: 'ValidationError',
        Cause: JSON.stringify({ errorType: 'ValidationError', errorMessage: 'sku unknown' }),
      },
      route: 'invalid',
    });
    expect(JSON.parse(broken.output ?? '')).toMatchObject({ route: 'broken', error: { Error: 'TypeError' } });
  });

  it('fails the execution with the Lambda error when nothing catches it', async () => {
    // Act
    const result = await run('uncaught', { kind: 'invalid' });

    // Assess
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ValidationError',
      cause: JSON.stringify({ errorType: 'ValidationError', errorMessage: 'sku unknown' }),
    });
  });
});
