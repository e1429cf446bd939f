import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LocalFunction {
  name: string;
  arn: string;
  bundle: string;
  environment: Record<string, string>;
  memoryMb: number;
  timeoutSeconds: number;
}

/** A function error as Lambda reports it: `name` is the errorType, which ASL Catch/Retry match. */
export class LambdaFunctionError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly trace: string[] = [],
  ) {
    super(message);
    this.name = errorType;
  }
}

export interface FunctionStats {
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  totalMs: number;
  maxMs: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The local Lambda service: one worker thread per function (its own environment and module scope,
 * like a sandbox), started on first use, killed and replaced when an invocation outlives the
 * function's timeout. Logs go to `<logDir>/<function>.log`, as CloudWatch keeps a group per function.
 */
export class LocalLambda {
  private readonly functions = new Map<string, LocalFunction>();
  private readonly workers = new Map<
    string,
    { worker: Worker; pending: Map<string, Pending>; log: WriteStream }
  >();
  private readonly stats = new Map<string, FunctionStats>();

  constructor(
    functions: LocalFunction[],
    private readonly options: { baseEnvironment: Record<string, string>; logDir: string },
  ) {
    for (const fn of functions) {
      this.functions.set(fn.name, fn);
      this.stats.set(fn.name, {
        invocations: 0,
        errors: 0,
        timeouts: 0,
        coldStarts: 0,
        totalMs: 0,
        maxMs: 0,
      });
    }
  }

  /** Resolves a function by name, ARN, or ARN with a qualifier. */
  resolve(nameOrArn: string): LocalFunction {
    const name = nameOrArn.startsWith('arn:') ? nameOrArn.split(':')[6] : nameOrArn;
    const fn =
      this.functions.get(name) ??
      [...this.functions.values()].find((candidate) => candidate.arn === nameOrArn);
    if (!fn) throw new LambdaFunctionError('ResourceNotFoundException', `Function not found: ${nameOrArn}`);
    return fn;
  }

  async invoke(nameOrArn: string, event: unknown): Promise<unknown> {
    const fn = this.resolve(nameOrArn);
    const stats = this.stats.get(fn.name)!;
    const sandbox = this.sandbox(fn, stats);
    const id = randomUUID();
    const started = performance.now();
    stats.invocations++;
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          stats.timeouts++;
          this.kill(
            fn.name,
            new LambdaFunctionError(
              'Sandbox.Timedout',
              `Task timed out after ${fn.timeoutSeconds}.00 seconds`,
            ),
          );
        }, fn.timeoutSeconds * 1000);
        sandbox.pending.set(id, { resolve, reject, timer });
        sandbox.worker.postMessage({ id, requestId: id, event });
      });
    } catch (error) {
      stats.errors++;
      throw error;
    } finally {
      const ms = performance.now() - started;
      stats.totalMs += ms;
      stats.maxMs = Math.max(stats.maxMs, ms);
    }
  }

  functionStats(): Record<string, FunctionStats & { meanMs: number }> {
    return Object.fromEntries(
      [...this.stats].map(([name, s]) => [
        name,
        { ...s, meanMs: s.invocations ? s.totalMs / s.invocations : 0 },
      ]),
    );
  }

  async close(): Promise<void> {
    const names = [...this.workers.keys()];
    await Promise.all(
      names.map((name) => this.kill(name, new LambdaFunctionError('Runtime.Shutdown', 'runtime stopped'))),
    );
  }

  private sandbox(fn: LocalFunction, stats: FunctionStats) {
    let sandbox = this.workers.get(fn.name);
    if (sandbox) return sandbox;
    stats.coldStarts++;
    const log = createWriteStream(join(this.options.logDir, `${fn.name}.log`), { flags: 'a' });
    const worker = new Worker(join(__dirname, 'worker.cjs'), {
      workerData: {
        bundle: fn.bundle,
        functionName: fn.name,
        functionArn: fn.arn,
        memoryMb: fn.memoryMb,
        timeoutSeconds: fn.timeoutSeconds,
      },
      env: {
        ...this.options.baseEnvironment,
        ...fn.environment,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
      },
      execArgv: ['--enable-source-maps'],
      stdout: true,
      stderr: true,
    });
    worker.stdout.pipe(log, { end: false });
    worker.stderr.pipe(log, { end: false });
    const pending = new Map<string, Pending>();
    worker.on(
      'message',
      (message: {
        id: string;
        ok: boolean;
        result?: unknown;
        error?: { errorType: string; errorMessage: string; trace: string[] };
      }) => {
        const call = pending.get(message.id);
        if (!call) return;
        pending.delete(message.id);
        clearTimeout(call.timer);
        if (message.ok) call.resolve(message.result);
        else
          call.reject(
            new LambdaFunctionError(
              message.error!.errorType,
              message.error!.errorMessage,
              message.error!.trace,
            ),
          );
      },
    );
    worker.on('error', (error) =>
      this.kill(fn.name, new LambdaFunctionError('Runtime.ExitError', error.message)),
    );
    worker.on('exit', () =>
      this.kill(fn.name, new LambdaFunctionError('Runtime.ExitError', `${fn.name} exited`)),
    );
    worker.unref();
    sandbox = { worker, pending, log };
    this.workers.set(fn.name, sandbox);
    return sandbox;
  }

  /** Ends a sandbox: its in-flight invocations fail with `reason`, the next invocation starts cold. */
  private async kill(name: string, reason: Error): Promise<void> {
    const sandbox = this.workers.get(name);
    if (!sandbox) return;
    this.workers.delete(name);
    for (const call of sandbox.pending.values()) {
      clearTimeout(call.timer);
      call.reject(reason);
    }
    sandbox.pending.clear();
    await sandbox.worker.terminate();
    sandbox.log.end();
  }
}
