import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { startLocalStepFunctions } from '../../../infra/local/stepfunctions';
import { type Harness, machineArn, removeDataDir, startHarness, tokenOf, waitForEnd } from './sfn-harness';

const machines = {
  waiting: {
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'notify', Payload: { 'token.$': '$$.Task.Token' } },
        TimeoutSeconds: 86400,
        End: true,
      },
    },
  },
  simple: {
    StartAt: 'Double',
    States: {
      Double: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'double', 'Payload.$': '$' },
        OutputPath: '$.Payload',
        Next: 'Pause',
      },
      Pause: { Type: 'Wait', Seconds: 10, Next: 'Done' },
      Done: { Type: 'Pass', End: true },
    },
  },
};

describe('local Step Functions: executions API', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      machines,
      functions: {
        notify: () => ({ sent: true }),
        double: (input) => ({ n: (input as { n: number }).n * 2 }),
      },
    });
  });
  afterAll(async () => {
    await harness.stop();
    removeDataDir(harness.dataDir);
  });

  const start = (machine: string, name: string | undefined, input: object) =>
    harness.client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn(machine), name, input: JSON.stringify(input) }),
    );

  it('is idempotent on name and input while open, and refuses another input or a closed execution', async () => {
    // Prepare
    const first = await start('waiting', 'order-1', { a: 1, b: 2 });

    // Act
    const again = await start('waiting', 'order-1', { b: 2, a: 1 });
    const otherInput = start('waiting', 'order-1', { a: 9 });
    await harness.client.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    const afterClose = start('waiting', 'order-1', { a: 1, b: 2 });

    // Assess
    expect(first.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:waiting:order-1');
    expect(again).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    await expect(otherInput).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    await expect(afterClose).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('answers AWS errors for unknown machines, bad names, bad input and unknown executions', async () => {
    // Act / Assess
    await expect(start('nope', undefined, {})).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(start('simple', 'bad name', {})).rejects.toMatchObject({ name: 'InvalidName' });
    await expect(
      harness.client.send(
        new StartExecutionCommand({ stateMachineArn: machineArn('simple'), input: '{oops' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
    await expect(
      harness.client.send(new DescribeExecutionCommand({ executionArn: `${machineArn('simple')}:missing` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });

  it('stops a waiting execution: ABORTED with error and cause, and its token closed', async () => {
    // Prepare
    const { executionArn } = await start('waiting', 'order-2', {});
    const token = await tokenOf(harness, executionArn, 'Approve');

    // Act
    const stopped = await harness.client.send(
      new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'buyer cancelled' }),
    );
    const described = await harness.client.send(new DescribeExecutionCommand({ executionArn }));

    // Assess
    expect(stopped.stopDate).toBeInstanceOf(Date);
    expect(described).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'buyer cancelled' });
    expect(harness.server.history(executionArn ?? '').at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Cancelled', cause: 'buyer cancelled' },
    });
    await expect(
      harness.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('returns an AWS-shaped history with ids, previous ids, timestamps and details', async () => {
    // Prepare
    const { executionArn } = await start('simple', 'history-1', { n: 4 });
    await waitForEnd(harness.client, executionArn);

    // Act
    const { events = [] } = await harness.client.send(new GetExecutionHistoryCommand({ executionArn }));
    const reversed = await harness.client.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }),
    );

    // Assess
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => [event.id, event.previousEventId])).toEqual(
      events.map((_e, i) => [i + 1, i]),
    );
    expect(events[0].timestamp).toBeInstanceOf(Date);
    expect(events[0].executionStartedEventDetails?.input).toBe('{"n":4}');
    expect(events[2].taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
      parameters: JSON.stringify({ FunctionName: 'double', Payload: { n: 4 } }),
    });
    expect(JSON.parse(events[4].taskSucceededEventDetails?.output ?? '')).toMatchObject({
      Payload: { n: 8 },
      StatusCode: 200,
    });
    expect(events[10].executionSucceededEventDetails?.output).toBe('{"n":8}');
    expect(reversed.events?.map((event) => event.id)).toEqual([11, 10]);
    expect(reversed.nextToken).toEqual(expect.any(String));
  });

  it('lists executions newest first, filtered by status, a page at a time', async () => {
    // Prepare
    const older = await start('simple', 'list-1', { n: 1 });
    await waitForEnd(harness.client, older.executionArn);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await start('simple', 'list-2', { n: 2 });
    await waitForEnd(harness.client, newer.executionArn);

    // Act
    const firstPage = await harness.client.send(
      new ListExecutionsCommand({
        stateMachineArn: machineArn('simple'),
        statusFilter: 'SUCCEEDED',
        maxResults: 1,
      }),
    );
    const secondPage = await harness.client.send(
      new ListExecutionsCommand({
        stateMachineArn: machineArn('simple'),
        statusFilter: 'SUCCEEDED',
        maxResults: 1,
        nextToken: firstPage.nextToken,
      }),
    );
    const running = await harness.client.send(
      new ListExecutionsCommand({ stateMachineArn: machineArn('simple'), statusFilter: 'RUNNING' }),
    );

    // Assess
    expect(firstPage.executions?.map((e) => e.name)).toEqual(['list-2']);
    expect(firstPage.executions?.[0]).toMatchObject({
      status: 'SUCCEEDED',
      stateMachineArn: machineArn('simple'),
    });
    expect(secondPage.executions?.map((e) => e.name)).toEqual(['list-1']);
    expect(running.executions).toEqual([]);
  });

  it('describes and lists state machines', async () => {
    // Act
    const described = await harness.client.send(
      new DescribeStateMachineCommand({ stateMachineArn: machineArn('simple') }),
    );
    const listed = await harness.client.send(new ListStateMachinesCommand({}));

    // Assess
    expect(described).toMatchObject({ name: 'simple', status: 'ACTIVE', type: 'STANDARD' });
    expect(JSON.parse(described.definition ?? '')).toEqual(machines.simple);
    expect(listed.stateMachines?.map((machine) => machine.name)).toEqual(['waiting', 'simple']);
  });

  it('counts executions, transitions and live task calls', () => {
    // Act
    const counts = harness.server.counts();

    // Assess
    expect(counts.executions.ABORTED).toBe(2);
    expect(counts.stateTransitions).toBeGreaterThan(0);
    expect(counts.liveTaskCalls).toBe(harness.calls.length);
  });

  it('refuses to start with a definition it cannot run', async () => {
    // Act
    const starting = startLocalStepFunctions({
      host: '127.0.0.1',
      port: 0,
      region: 'us-east-1',
      accountId: '123456789012',
      dataDir: harness.dataDir,
      invokeFunction: async () => null,
      stateMachines: [
        {
          name: 'jsonata',
          arn: machineArn('jsonata'),
          definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        },
      ],
    });

    // Assess
    await expect(starting).rejects.toThrow(/JSONata/);
  });
});
