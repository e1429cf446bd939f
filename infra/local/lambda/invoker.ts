import { randomUUID } from 'node:crypto';
import { closeSync, createWriteStream, openSync, type WriteStream } from 'node:fs';
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

type WorkerError = { errorType: string; errorMessage: string; trace: string[] };
type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: WorkerError }
  | { type?: undefined; id: string; ok: true; result: string }
  | { type?: undefined; id: string; ok: false; error: WorkerError };

export interface FunctionStats {
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  totalMs: number;
  maxMs: number;
  /**
   * How long its sandboxes' threads were busy running code (event-loop active time), ended sandboxes
   * included: the function's own CPU cost, which `totalMs` (each call's wall time, queueing and
   * storage waits included) does not tell apart.
   */
  busyMs: number;
}

interface Sandbox {
  name: string;
  worker: Worker;
  /** Took no new invocations since one of its invocations timed out; stopped when the others end. */
  retiring: boolean;
  /** Settles when the handler module has loaded (Lambda's init phase), or failed to. */
  ready: Promise<void>;
  pending: Map<string, Pending>;
  log: WriteStream;
  /** The log file as the worker writes it. */
  logFd: number;
}

/**
 * The niceness of every sandbox's thread (Linux schedules threads, so this leaves the main thread,
 * where the local AWS services run, at the process's own priority). On AWS the services never
 * share a CPU with the functions; here, 30 busy sandboxes would each get the same share of the two
 * cores as the one thread serving DynamoDB, Step Functions and EventBridge to all of them, and every
 * call would queue behind function code (at C16 the main thread was 98% busy and a GetItem waited
 * ~200 ms). BENCHMARKS.md, "Lifecycle throughput", has the before and after.
 */
export const SANDBOX_NICENESS = 10;

/** Lambda gives init 10 s; a busy 2-core machine loading every sandbox at once needs more. */
const INIT_LIMIT_MS = 30_000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The local Lambda service: one worker thread per function (its own environment and module scope,
 * like a sandbox), started on first use, killed and replaced when an invocation outlives the
 * function's timeout. Logs go to `<logDir>/<function>.log`, as CloudWatch keeps a group per function,
 * written by the function's thread. Events and results cross threads as JSON text.
 */
export class LocalLambda {
  private readonly functions = new Map<string, LocalFunction>();
  /** The sandbox that takes each function's next invocation. */
  private readonly workers = new Map<string, Sandbox>();
  /** Every running sandbox, retiring ones included. */
  private readonly live = new Set<Sandbox>();
  private readonly stats = new Map<string, FunctionStats>();
  /** Once closed, no sandbox starts again (an invocation still arriving fails Runtime.Shutdown). */
  private closed = false;

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
        busyMs: 0,
      });
    }
  }

  /** The functions it runs, with the environment each gets besides the base one. */
  list(): LocalFunction[] {
    return [...this.functions.values()];
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
      // The init phase does not count toward the function's timeout, as on Lambda.
      await sandbox.ready;
      return await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          stats.timeouts++;
          sandbox.pending.delete(id);
          reject(
            new LambdaFunctionError(
              'Sandbox.Timedout',
              `Task timed out after ${fn.timeoutSeconds}.00 seconds`,
            ),
          );
          this.retire(fn.name, sandbox);
        }, fn.timeoutSeconds * 1000);
        sandbox.pending.set(id, { resolve, reject, timer });
        // JSON text, as Lambda's payload is: cheaper to post than a structured clone of the object.
        sandbox.worker.postMessage({ id, event: event === undefined ? undefined : JSON.stringify(event) });
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

  /**
   * Starts every function's sandbox (its init), one at a time in the given order, so first requests
   * do not pay the cold start and the functions needed first (the authorizer, the API) are ready
   * first instead of all competing for the CPU at once. An invocation meanwhile starts its own.
   */
  async warm(order: string[] = [...this.functions.keys()]): Promise<void> {
    for (const name of order) {
      const fn = this.functions.get(name);
      if (!fn) continue;
      if (this.closed) return;
      // A function that fails to load reports it on its first invocation.
      await this.sandbox(fn, this.stats.get(name)!).ready.catch(() => undefined);
    }
  }

  functionStats(): Record<string, FunctionStats & { meanMs: number }> {
    const liveBusy = new Map<string, number>();
    for (const sandbox of this.live) {
      liveBusy.set(sandbox.name, (liveBusy.get(sandbox.name) ?? 0) + busyOf(sandbox.worker));
    }
    return Object.fromEntries(
      [...this.stats].map(([name, s]) => [
        name,
        {
          ...s,
          busyMs: s.busyMs + (liveBusy.get(name) ?? 0),
          meanMs: s.invocations ? s.totalMs / s.invocations : 0,
        },
      ]),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.live].map((sandbox) =>
        this.end(sandbox, new LambdaFunctionError('Runtime.Shutdown', 'runtime stopped')),
      ),
    );
  }

  private sandbox(fn: LocalFunction, stats: FunctionStats): Sandbox {
    const existing = this.workers.get(fn.name);
    if (existing) return existing;
    // A delivery, retry or warm-up still under way when the runtime stops must not start a sandbox
    // that nothing would ever stop (it kept test processes from exiting).
    if (this.closed) throw new LambdaFunctionError('Runtime.Shutdown', 'runtime stopped');
    stats.coldStarts++;
    const logFile = join(this.options.logDir, `${fn.name}.log`);
    // The worker writes its stdout and stderr to the file itself, through this descriptor (closed
    // with the sandbox); what reaches the worker's streams anyway is appended by this side.
    const logFd = openSync(logFile, 'a');
    const log = createWriteStream(logFile, { flags: 'a' });
    const worker = new Worker(join(__dirname, 'worker.cjs'), {
      workerData: {
        logFd,
        bundle: fn.bundle,
        functionName: fn.name,
        functionArn: fn.arn,
        memoryMb: fn.memoryMb,
        timeoutSeconds: fn.timeoutSeconds,
        niceness: SANDBOX_NICENESS,
      },
      env: {
        ...this.options.baseEnvironment,
        ...fn.environment,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
        // The SDK puts `app/<id>` in each request's user agent: the local parts' requests then say
        // which function made them (the throughput bench counts storage calls per function by it).
        AWS_SDK_UA_APP_ID: fn.name.slice(0, 50),
      },
      execArgv: ['--enable-source-maps', ...cpuProfileArgs(fn.name)],
      stdout: true,
      stderr: true,
    });
    worker.stdout.pipe(log, { end: false });
    worker.stderr.pipe(log, { end: false });
    const pending = new Map<string, Pending>();
    let settleInit: (error?: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      const limit = setTimeout(
        () =>
          settleInit(
            new LambdaFunctionError(
              'Runtime.InitTimeout',
              `${fn.name} did not initialize within ${INIT_LIMIT_MS / 1000} s`,
            ),
          ),
        INIT_LIMIT_MS,
      );
      settleInit = (error) => {
        clearTimeout(limit);
        if (error) reject(error);
        else resolve();
      };
    });
    ready.catch(
      () =>
        void this.end(
          sandbox,
          new LambdaFunctionError('Runtime.InitError', `${fn.name} failed to initialize`),
        ),
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') return settleInit();
      if (message.type === 'init-error') {
        return settleInit(
          new LambdaFunctionError(message.error.errorType, message.error.errorMessage, message.error.trace),
        );
      }
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      clearTimeout(call.timer);
      if (sandbox.retiring && pending.size === 0) void this.end(sandbox, new Error('retired'));
      if (message.ok) call.resolve(JSON.parse(message.result));
      else
        call.reject(
          new LambdaFunctionError(message.error.errorType, message.error.errorMessage, message.error.trace),
        );
    });
    worker.on(
      'error',
      (error) => void this.end(sandbox, new LambdaFunctionError('Runtime.ExitError', error.message)),
    );
    worker.on(
      'exit',
      () => void this.end(sandbox, new LambdaFunctionError('Runtime.ExitError', `${fn.name} exited`)),
    );
    worker.unref();
    const sandbox: Sandbox = { name: fn.name, worker, ready, pending, log, logFd, retiring: false };
    this.workers.set(fn.name, sandbox);
    this.live.add(sandbox);
    return sandbox;
  }

  /**
   * A sandbox whose invocation timed out takes no new invocations (the next starts a new sandbox, as
   * Lambda replaces a timed-out one), but the invocations already in it, which on Lambda would each
   * have had a sandbox of their own, run to their end before it is stopped.
   */
  private retire(name: string, sandbox: Sandbox): void {
    if (this.workers.get(name) === sandbox) this.workers.delete(name);
    sandbox.retiring = true;
    if (sandbox.pending.size === 0) void this.end(sandbox, new Error('retired'));
  }

  /** Stops a sandbox: invocations still in it fail with `reason`; the next invocation starts cold. */
  private async end(sandbox: Sandbox, reason: Error): Promise<void> {
    if (!this.live.delete(sandbox)) return;
    if (this.workers.get(sandbox.name) === sandbox) this.workers.delete(sandbox.name);
    for (const call of sandbox.pending.values()) {
      clearTimeout(call.timer);
      call.reject(reason);
    }
    sandbox.pending.clear();
    const stats = this.stats.get(sandbox.name);
    if (stats) stats.busyMs += busyOf(sandbox.worker);
    await sandbox.worker.terminate();
    sandbox.log.end();
    closeSync(sandbox.logFd);
  }
}

/** A worker thread's event-loop active time so far, in ms (0 once it has stopped). */
function busyOf(worker: Worker): number {
  try {
    return worker.performance.eventLoopUtilization().active;
  } catch {
    return 0;
  }
}

/**
 * With TRADEFLOW_SANDBOX_CPU_PROFILE_DIR set (benchmarks, investigations), each sandbox writes a V8
 * CPU profile of its thread there when it stops (`<function>-<n>.cpuprofile`, for Chrome DevTools
 * or `npx tsx bench/support/summarize-profiles.ts <dir>`).
 */
let profiledSandboxes = 0;
function cpuProfileArgs(functionName: string): string[] {
  const dir = process.env.TRADEFLOW_SANDBOX_CPU_PROFILE_DIR;
  if (!dir) return [];
  profiledSandboxes++;
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    `--cpu-prof-name=${functionName}-${profiledSandboxes}.cpuprofile`,
  ];
}
