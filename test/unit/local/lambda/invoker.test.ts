import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaFunctionError, LocalLambda, SANDBOX_NICENESS } from '../../../../infra/local/lambda/invoker';

const HANDLER = `
exports.handler = async (event, context) => {
  console.log('invoked ' + context.functionName + ' ' + JSON.stringify(event));
  process.stderr.write('to stderr\\n');
  if (event.kind === 'date') return { at: new Date(0), skipped: undefined };
  if (event.kind === 'function') return () => 1;
  if (event.kind === 'nothing') return undefined;
  if (event.kind === 'priority') return { sandbox: require('node:os').getPriority(0) };
  if (event.kind === 'sleep') {
    await new Promise((resolve) => setTimeout(resolve, event.ms));
    return { slept: event.ms };
  }
  return { echo: event };
};
`;

describe('the local Lambda service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tradeflow-invoker-'));
  const bundle = join(dir, 'index.js');
  writeFileSync(bundle, HANDLER);
  const lambda = new LocalLambda(
    [
      {
        name: 'echo',
        arn: 'arn:aws:lambda:us-east-1:000000000000:function:echo',
        bundle,
        environment: {},
        memoryMb: 128,
        timeoutSeconds: 5,
      },
      {
        name: 'slow',
        arn: 'arn:aws:lambda:us-east-1:000000000000:function:slow',
        bundle,
        environment: {},
        memoryMb: 128,
        timeoutSeconds: 1,
      },
    ],
    { baseEnvironment: {}, logDir: dir },
  );

  afterAll(async () => {
    await lambda.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs function code at a lower priority than the thread serving the local AWS services', async () => {
    // Act
    const seen = await lambda.invoke('echo', { kind: 'priority' });

    // Assess: Linux schedules threads, so only the sandbox's thread is niced.
    if (process.platform !== 'linux') return;
    expect(seen).toEqual({ sandbox: Math.max(getPriority(0), SANDBOX_NICENESS) });
  });

  it('passes the event and the result as JSON, as Lambda does', async () => {
    // Act
    const echoed = await lambda.invoke('echo', { a: [1, 'two', { three: null }], gone: undefined });
    const dated = await lambda.invoke('echo', { kind: 'date' });
    const nothing = await lambda.invoke('echo', { kind: 'nothing' });

    // Assess
    expect(echoed).toEqual({ echo: { a: [1, 'two', { three: null }] } });
    expect(dated).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    expect(nothing).toBeNull();
  });

  it('fails an invocation whose result is not JSON', async () => {
    await expect(lambda.invoke('echo', { kind: 'function' })).rejects.toBeInstanceOf(LambdaFunctionError);
  });

  it("writes the function's stdout and stderr to its log file", async () => {
    // Act
    await lambda.invoke('echo', { kind: 'logged' });

    // Assess
    const log = readFileSync(join(dir, 'echo.log'), 'utf8');
    expect(log).toContain('invoked echo {"kind":"logged"}');
    expect(log).toContain('to stderr');
  });

  it("logs a failed invocation's error to its log file, as Lambda's runtime does", async () => {
    // Act
    await lambda.invoke('echo', { kind: 'function' }).catch(() => undefined);

    // Assess
    const log = readFileSync(join(dir, 'echo.log'), 'utf8');
    expect(log).toMatch(
      /\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"The handler returned a value that is not JSON"/,
    );
  });

  it('times out only the invocation that ran too long: others in its sandbox finish, new ones start a new sandbox', async () => {
    // Prepare: a 1 s function; the first call would take 5 s.
    const tooLong = lambda.invoke('slow', { kind: 'sleep', ms: 5_000 });
    tooLong.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const inFlight = lambda.invoke('slow', { kind: 'sleep', ms: 600 });

    // Act
    const timedOut = await tooLong.catch((error: unknown) => error);
    const after = await lambda.invoke('slow', { kind: 'sleep', ms: 1 });

    // Assess
    expect(timedOut).toMatchObject({ name: 'Sandbox.Timedout' });
    await expect(inFlight).resolves.toEqual({ slept: 600 });
    expect(after).toEqual({ slept: 1 });
    expect(lambda.functionStats().slow).toMatchObject({ timeouts: 1, coldStarts: 2, errors: 1 });
  });
});

describe('the local Lambda service, once closed', () => {
  it('starts no sandbox for an invocation or a warm-up that comes after close', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'tradeflow-invoker-closed-'));
    const bundle = join(dir, 'index.js');
    writeFileSync(bundle, HANDLER);
    const fn = { name: 'echo', arn: 'arn:aws:lambda:us-east-1:000000000000:function:echo', bundle };
    const lambda = new LocalLambda([{ ...fn, environment: {}, memoryMb: 128, timeoutSeconds: 5 }], {
      baseEnvironment: {},
      logDir: dir,
    });
    await lambda.invoke('echo', { kind: 'before' });

    // Act
    await lambda.close();
    const late = lambda.invoke('echo', { kind: 'late' });
    await lambda.warm();

    // Assess: refused as Lambda refuses a stopped runtime; no cold start after close
    await expect(late).rejects.toMatchObject({ name: expect.any(String), message: 'runtime stopped' });
    await expect(late).rejects.toBeInstanceOf(LambdaFunctionError);
    expect(lambda.functionStats().echo.coldStarts).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
