import {
  executionContext,
  rewriteContextPaths,
  TASK_TOKEN_MARKER,
  withTaskToken,
} from '../../../../infra/local/stepfunctions/context-object';

describe('task token marker', () => {
  it('puts the token wherever the marker is, also inside formatted strings', () => {
    // Prepare
    const input = {
      FunctionName: 'ask',
      Payload: {
        taskToken: TASK_TOKEN_MARKER,
        link: `https://x/?t=${TASK_TOKEN_MARKER}`,
        list: [TASK_TOKEN_MARKER, 1],
      },
    };

    // Act
    const output = withTaskToken(input, 'tok-1');

    // Assess
    expect(output).toEqual({
      FunctionName: 'ask',
      Payload: { taskToken: 'tok-1', link: 'https://x/?t=tok-1', list: ['tok-1', 1] },
    });
    expect(input.Payload.taskToken).toBe(TASK_TOKEN_MARKER);
  });

  it('gives the engine a context whose $$.Task.Token is the marker', () => {
    // Act
    const context = executionContext({
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
      executionName: 'e',
      input: { a: 1 },
      startDate: new Date('2030-01-02T03:04:05.000Z'),
      roleArn: 'arn:aws:iam::123456789012:role/r',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
      stateMachineName: 'm',
    });

    // Assess
    expect(context.Task).toEqual({ Token: TASK_TOKEN_MARKER });
    expect(context.Execution).toMatchObject({
      Id: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
      Name: 'e',
    });
    expect(context.StateMachine).toEqual({
      Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
      Name: 'm',
    });
  });

  it('points $$.Execution.StartTime and .Input at fields the engine does not overwrite', () => {
    // Act
    const rewritten = rewriteContextPaths(
      "States.Format('{} {}', $$.Execution.StartTime, $$.Execution.Input.id)",
    );

    // Assess
    expect(rewritten).toBe(
      "States.Format('{} {}', $$.Execution.LocalRecordedStartTime, $$.Execution.LocalRecordedInput.id)",
    );
    expect(rewriteContextPaths('$$.Execution.Id')).toBe('$$.Execution.Id');
  });
});
