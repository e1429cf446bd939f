import {
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  eventually,
  type Harness,
  machineArn,
  removeDataDir,
  startHarness,
  tokenOf,
  waitForEnd,
} from './sfn-harness';

const approval = (extra: object) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: {
    FunctionName: 'request-approval',
    Payload: { 'orderId.$': '$.orderId', 'taskToken.$': '$$.Task.Token' },
  },
  ResultPath: '$.approval',
  ...extra,
});

const catches = [
  { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Failed' },
  { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' },
];

const machines = {
  approval: {
    StartAt: 'Approve',
    States: {
      Approve: approval({
        TimeoutSeconds: 3600,
        Catch: [{ ErrorEquals: ['CreditRejected'], ResultPath: '$.error', Next: 'Rejected' }],
        End: true,
      }),
      Rejected: { Type: 'Pass', Result: 'rejected', ResultPath: '$.route', End: true },
    },
  },
  // 60 s of ASL time is 60 ms at timeScale 1000.
  deadline: {
    StartAt: 'Approve',
    States: {
      Approve: approval({ TimeoutSeconds: 60, Catch: catches, End: true }),
      Failed: { Type: 'Pass', Result: 'failed', ResultPath: '$.route', End: true },
      TimedOut: { Type: 'Pass', Result: 'timed out', ResultPath: '$.route', End: true },
    },
  },
  heartbeat: {
    StartAt: 'Approve',
    States: {
      Approve: approval({ TimeoutSeconds: 5000, HeartbeatSeconds: 250, Catch: catches, End: true }),
      Failed: { Type: 'Pass', Result: 'failed', ResultPath: '$.route', End: true },
      TimedOut: { Type: 'Pass', Result: 'timed out', ResultPath: '$.route', End: true },
    },
  },
  slow: {
    StartAt: 'Approve',
    TimeoutSeconds: 50,
    States: { Approve: approval({ End: true }) },
  },
};

describe('local Step Functions: .waitForTaskToken', () => {
  let harness: Harness;
  const tokensSeen: string[] = [];
  const tokenByOrder = new Map<string, string>();

  beforeAll(async () => {
    harness = await startHarness({
      machines,
      functions: {
        'request-approval': (payload) => {
          const { orderId, taskToken } = payload as { orderId: string; taskToken: string };
          tokensSeen.push(taskToken);
          tokenByOrder.set(orderId, taskToken);
          return { notified: true };
        },
      },
    });
  });
  afterAll(async () => {
    await harness.stop();
    removeDataDir(harness.dataDir);
  });

  const start = async (machine: string, orderId: string) => {
    const { executionArn } = await harness.client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn(machine), input: JSON.stringify({ orderId }) }),
    );
    return executionArn;
  };

  it('calls the function with the token and resumes with SendTaskSuccess output', async () => {
    // Prepare
    const executionArn = await start('approval', 'o-1');
    const token = await tokenOf(harness, executionArn, 'Approve');

    // Act
    await harness.client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: '{"approvedBy":"finance"}' }),
    );
    const result = await waitForEnd(harness.client, executionArn);

    // Assess
    expect(tokensSeen).toContain(token);
    expect(
      harness.calls.find((call) => (call.payload as { orderId: string }).orderId === 'o-1')?.payload,
    ).toEqual({
      orderId: 'o-1',
      taskToken: token,
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output ?? '')).toEqual({ orderId: 'o-1', approval: { approvedBy: 'finance' } });
  });

  it('fails the task with SendTaskFailure, matchable by its error name', async () => {
    // Prepare
    const executionArn = await start('approval', 'o-2');
    const token = await tokenOf(harness, executionArn, 'Approve');

    // Act
    await harness.client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'CreditRejected', cause: 'over limit' }),
    );
    const result = await waitForEnd(harness.client, executionArn);

    // Assess
    expect(JSON.parse(result.output ?? '')).toEqual({
      orderId: 'o-2',
      error: { Error: 'CreditRejected', Cause: 'over limit' },
      route: 'rejected',
    });
  });

  it('answers TaskTimedOut for a closed token and TaskDoesNotExist for an unknown one', async () => {
    // Prepare
    const executionArn = await start('approval', 'o-3');
    const token = await tokenOf(harness, executionArn, 'Approve');
    await harness.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

    // Act
    const again = harness.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    const unknown = harness.client.send(new SendTaskHeartbeatCommand({ taskToken: 'no-such-token' }));
    const badOutput = harness.client.send(
      new SendTaskSuccessCommand({ taskToken: 'no-such-token', output: 'not json' }),
    );

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'TaskTimedOut', $metadata: { httpStatusCode: 400 } });
    await expect(unknown).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    await expect(badOutput).rejects.toMatchObject({ name: 'InvalidOutput' });
  });

  it('times out after TimeoutSeconds into a States.Timeout catcher, which States.TaskFailed does not match', async () => {
    // Prepare
    const executionArn = await start('deadline', 'o-4');

    // Act
    const result = await waitForEnd(harness.client, executionArn);
    const token = tokenByOrder.get('o-4');
    const late = harness.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

    // Assess
    expect(JSON.parse(result.output ?? '')).toMatchObject({
      route: 'timed out',
      error: { Error: 'States.Timeout' },
    });
    await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut' });
    const types = harness.server.history(executionArn ?? '').map((event) => event.type);
    expect(types).toContain('TaskTimedOut');
  });

  it('keeps a task alive with heartbeats and fails it with States.HeartbeatTimeout when they stop', async () => {
    // Prepare: HeartbeatSeconds 250 is 250 ms here; beat every 50 ms for 500 ms, then stop.
    const alive = await start('heartbeat', 'o-5');
    const silent = await start('heartbeat', 'o-6');
    const token = await eventually(() => tokenByOrder.get('o-5'));

    // Act
    for (let beat = 0; beat < 10; beat += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await harness.client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    }
    await harness.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '"ok"' }));
    const aliveResult = await waitForEnd(harness.client, alive);
    const silentResult = await waitForEnd(harness.client, silent);

    // Assess
    expect(JSON.parse(aliveResult.output ?? '')).toEqual({ orderId: 'o-5', approval: 'ok' });
    expect(JSON.parse(silentResult.output ?? '')).toMatchObject({
      route: 'failed',
      error: { Error: 'States.HeartbeatTimeout' },
    });
  });

  it('times the whole execution out after its TimeoutSeconds', async () => {
    // Act
    const executionArn = await start('slow', 'o-7');
    const result = await waitForEnd(harness.client, executionArn);

    // Assess
    expect(result).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(harness.server.history(executionArn ?? '').at(-1)?.type).toBe('ExecutionTimedOut');
    expect(harness.server.executions().find((e) => e.executionArn === executionArn)?.pendingWaits).toEqual(
      [],
    );
  });
});
