import { SfnApiError } from '../../../../infra/local/stepfunctions/api-error';
import {
  isStatesTimeoutError,
  loadEngineTimeoutError,
} from '../../../../infra/local/stepfunctions/asl-engine';
import { TaskTokens } from '../../../../infra/local/stepfunctions/task-tokens';

const request = { executionArn: 'arn:exec', stateName: 'Approve' };

/** The API error type a call throws. */
function errorTypeOf(call: () => void): string | undefined {
  try {
    call();
  } catch (error) {
    return error instanceof SfnApiError ? error.type : 'not an API error';
  }
  return undefined;
}

describe('TaskTokens', () => {
  beforeAll(() => loadEngineTimeoutError());

  it('resolves a wait with SendTaskSuccess, after which the token is closed', async () => {
    // Prepare
    const tokens = new TaskTokens(1);
    const open = tokens.open({ ...request, startedAt: Date.now() });

    // Act
    tokens.succeed(open.token, { approved: true });

    // Assess
    await expect(open.result).resolves.toEqual({ approved: true });
    expect(errorTypeOf(() => tokens.succeed(open.token, {}))).toBe('TaskTimedOut');
    expect(errorTypeOf(() => tokens.heartbeat('unknown-token'))).toBe('TaskDoesNotExist');
    expect(tokens.pending()).toEqual([]);
  });

  it('rejects a wait with the error and cause of SendTaskFailure', async () => {
    // Prepare
    const tokens = new TaskTokens(1);
    const open = tokens.open({ ...request, startedAt: Date.now() });

    // Act
    tokens.fail(open.token, 'CreditRejected', 'over limit');

    // Assess
    await expect(open.result).rejects.toMatchObject({ name: 'CreditRejected', message: 'over limit' });
  });

  it('times out from the original start, at timeScale, with the engine timeout class', async () => {
    // Prepare: started 50 s of ASL time ago at 1000x, so 10 ms are left.
    const tokens = new TaskTokens(1000);
    const open = tokens.open({ ...request, startedAt: Date.now() - 50, timeoutSeconds: 60 });

    // Act
    const error = await open.result.catch((reason: unknown) => reason);

    // Assess
    expect(isStatesTimeoutError(error)).toBe(true);
    expect(errorTypeOf(() => tokens.succeed(open.token, {}))).toBe('TaskTimedOut');
  });

  it('keeps a wait alive while heartbeats come, and fails it when they stop', async () => {
    // Prepare: heartbeat every 30 ms of a 60 ms HeartbeatSeconds, on jest's clock so load cannot delay a beat.
    jest.useFakeTimers();
    try {
      const tokens = new TaskTokens(1000);
      const open = tokens.open({ ...request, startedAt: Date.now(), heartbeatSeconds: 60 });
      const outcome = open.result.then(
        () => 'resolved',
        (error: Error) => error.name,
      );

      // Act
      for (let beat = 0; beat < 4; beat += 1) {
        await jest.advanceTimersByTimeAsync(30);
        tokens.heartbeat(open.token);
      }
      const aliveAfterBeats = tokens.pending().length;
      await jest.advanceTimersByTimeAsync(61);

      // Assess
      expect(aliveAfterBeats).toBe(1);
      await expect(outcome).resolves.toBe('States.HeartbeatTimeout');
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists pending waits with their clocks and cancels them by execution', async () => {
    // Prepare
    const tokens = new TaskTokens(2);
    const open = tokens.open({ ...request, startedAt: 1_000, timeoutSeconds: 10, heartbeatSeconds: 4 });
    const other = tokens.open({ ...request, executionArn: 'arn:other', startedAt: Date.now() });

    // Act
    const pending = tokens.pending('arn:exec');
    tokens.cancel((wait) => wait.executionArn === 'arn:exec', new Error('stopped'));

    // Assess
    expect(pending).toEqual([
      {
        executionArn: 'arn:exec',
        stateName: 'Approve',
        token: open.token,
        since: new Date(1_000),
        timeoutSeconds: 10,
        timeoutAt: new Date(6_000),
        heartbeatSeconds: 4,
      },
    ]);
    await expect(open.result).rejects.toThrow('stopped');
    expect(tokens.pending().map((wait) => wait.token)).toEqual([other.token]);
    tokens.discard(other.token);
  });
});
