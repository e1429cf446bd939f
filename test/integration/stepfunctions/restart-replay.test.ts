import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  type Harness,
  type HarnessOptions,
  machineArn,
  namedError,
  removeDataDir,
  startHarness,
  tokenOf,
  waitForEnd,
} from './sfn-harness';

const invoke = (fn: string, extra: object) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: fn, 'Payload.$': '$' },
  OutputPath: '$.Payload',
  ...extra,
});

const machines = {
  order: {
    StartAt: 'Reserve',
    States: {
      Reserve: {
        Type: 'Map',
        ItemsPath: '$.lines',
        ItemProcessor: { StartAt: 'ReserveLine', States: { ReserveLine: invoke('reserve', { End: true }) } },
        ResultPath: '$.reserved',
        Next: 'Approve',
      },
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: 'request-approval',
          Payload: {
            'orderId.$': '$.orderId',
            'taskToken.$': '$$.Task.Token',
            'startedAt.$': '$$.Execution.StartTime',
          },
        },
        TimeoutSeconds: 86400,
        ResultPath: '$.approval',
        Next: 'Confirm',
      },
      Confirm: invoke('confirm', { End: true }),
    },
  },
  // A retry of 3600 s: 36 ms in the first run (x100000), 360 s after the restart (x10) if it waited again.
  retrying: {
    StartAt: 'Charge',
    States: {
      Charge: invoke('charge', {
        Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 3600, MaxAttempts: 2 }],
        Next: 'Approve',
      }),
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'request-approval', Payload: { 'taskToken.$': '$$.Task.Token' } },
        End: true,
      },
    },
  },
  // 2000 s is 2 s here.
  pausing: {
    StartAt: 'Pause',
    States: { Pause: { Type: 'Wait', Seconds: 2000, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
  },
};

const functions: HarnessOptions['functions'] = {
  reserve: (line) => ({ ...(line as object), reserved: true }),
  'request-approval': () => ({ notified: true }),
  confirm: (order) => ({ ...(order as object), confirmed: true }),
  charge: (() => {
    let calls = 0;
    return () => {
      calls += 1;
      if (calls === 1) throw namedError('Busy', 'try later');
      return { charged: true };
    };
  })(),
};

const payloadOf = (harness: Harness, name: string) =>
  harness.calls.find((call) => call.name === name)?.payload;

describe('local Step Functions: executions survive a restart', () => {
  const started: Harness[] = [];
  const start = async (dataDir?: string, timeScale = 1000): Promise<Harness> => {
    const harness = await startHarness({ machines, functions, dataDir, timeScale });
    started.push(harness);
    return harness;
  };
  afterAll(async () => {
    for (const harness of started) await harness.stop();
    for (const dataDir of new Set(started.map((harness) => harness.dataDir))) removeDataDir(dataDir);
  });

  it('replays a Map of three tasks from history, gives the pending wait a new token, and succeeds', async () => {
    // Prepare: three lines reserved, then the order waits for approval.
    const before = await start();
    const { executionArn } = await before.client.send(
      new StartExecutionCommand({
        stateMachineArn: machineArn('order'),
        name: 'order-42',
        input: JSON.stringify({ orderId: 'order-42', lines: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }] }),
      }),
    );
    const oldToken = await tokenOf(before, executionArn, 'Approve');
    const callsBefore = before.calls.map((call) => call.name).sort();
    const transitionsBefore = before.server.executions()[0].stateTransitions;

    // Act: close, start again on the same data folder, answer the new token.
    await before.stop();
    const after = await start(before.dataDir);
    const newToken = await tokenOf(after, executionArn, 'Approve');
    const whileWaiting = await after.client.send(new DescribeExecutionCommand({ executionArn }));
    const callsBeforeAnswer = after.calls.map((call) => call.name);
    const oldTokenAnswer = await after.client
      .send(new SendTaskSuccessCommand({ taskToken: oldToken, output: '{}' }))
      .catch((error: Error) => error.name);
    await after.client.send(
      new SendTaskSuccessCommand({ taskToken: newToken, output: '{"approvedBy":"finance"}' }),
    );
    const result = await waitForEnd(after.client, executionArn);

    // Assess: the three reservations were not made again; only the wait's function ran, to store the new token.
    expect(callsBefore).toEqual(['request-approval', 'reserve', 'reserve', 'reserve']);
    expect(whileWaiting.status).toBe('RUNNING');
    expect(callsBeforeAnswer).toEqual(['request-approval']);
    expect(newToken).not.toBe(oldToken);
    expect(payloadOf(after, 'request-approval')).toEqual({
      orderId: 'order-42',
      taskToken: newToken,
      startedAt: (payloadOf(before, 'request-approval') as { startedAt: string }).startedAt,
    });
    expect(oldTokenAnswer).toBe('TaskDoesNotExist');
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output ?? '')).toEqual({
      orderId: 'order-42',
      lines: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }],
      reserved: [
        { sku: 'A', reserved: true },
        { sku: 'B', reserved: true },
        { sku: 'C', reserved: true },
      ],
      approval: { approvedBy: 'finance' },
      confirmed: true,
    });
    expect(after.server.counts()).toMatchObject({ replayedTaskResults: 3, liveTaskCalls: 2 });
    // Reserve, 3 x ReserveLine, Approve, then Confirm: the replay did not count them twice.
    expect(transitionsBefore).toBe(5);
    expect(after.server.executions()[0].stateTransitions).toBe(6);
  });

  it('keeps one continuous history across the restart', async () => {
    // Prepare
    const harness = started[1];
    const executionArn = harness.server.executions()[0].executionArn;

    // Act
    const { events = [] } = await harness.client.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    const count = (type: string) => events.filter((event) => event.type === type).length;

    // Assess: replayed engine events are not repeated; the re-run wait shows its second scheduling.
    expect(events.map((event) => event.id)).toEqual(events.map((_event, index) => index + 1));
    expect(count('ExecutionStarted')).toBe(1);
    expect(count('MapStateEntered')).toBe(1);
    expect(count('MapIterationSucceeded')).toBe(3);
    expect(count('TaskStateEntered')).toBe(5);
    expect(count('TaskSubmitted')).toBe(2);
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
  });

  it('replays a retried failure without waiting its retry interval again', async () => {
    // Prepare: Charge fails once and is retried, then the execution waits for approval.
    const before = await start(undefined, 100_000);
    const { executionArn } = await before.client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn('retrying'), input: '{}' }),
    );
    await tokenOf(before, executionArn, 'Approve');
    await before.stop();

    // Act
    const restartedAt = Date.now();
    const after = await start(before.dataDir, 10);
    const token = await tokenOf(after, executionArn, 'Approve');
    const replayMs = Date.now() - restartedAt;
    await after.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '"ok"' }));
    const result = await waitForEnd(after.client, executionArn);

    // Assess
    expect(replayMs).toBeLessThan(20_000);
    expect(after.calls.map((call) => call.name)).toEqual(['request-approval']);
    expect(result.status).toBe('SUCCEEDED');
  });

  it('resumes a Wait state with only the time it had left', async () => {
    // Prepare: a 2 s wait, stopped after about 1.5 s (wide margins: the machine is shared and noisy).
    const before = await start();
    const { executionArn } = await before.client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn('pausing'), input: '{"x":1}' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await before.stop();

    // Act
    const restartedAt = Date.now();
    const after = await start(before.dataDir);
    const result = await waitForEnd(after.client, executionArn);

    // Assess: about 500 ms were left; waiting again from the start would take 2 s or more.
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"x":1}' });
    expect(Date.now() - restartedAt).toBeLessThan(1900);
  });
});
