import { performance } from 'node:perf_hooks';
import { benchApi } from './support/api-client';
import { type BenchRuntime, startBenchRuntime } from './support/bench-runtime';
import { type DriveResult, driveBatch, driveInThread } from './support/driver-thread';
import type { RecordedRequest } from './support/dynamo-recorder';
import { seedBatch } from './support/lifecycle';
import { describeProfile, type MainThreadProfile, profileMainThread } from './support/main-thread-profile';
import { type FloorResult, replayStorageFloor } from './support/storage-floor';
import { measureThreadCpu, type ThreadCpu } from './support/thread-cpu';

/**
 * Lifecycle throughput (issue 4, benchmark 1): N full export orders driven through the HTTP API on a
 * fresh embedded runtime at concurrency 1, 4 and 16, and the storage floor measured in the same run:
 * the very DynamoDB requests each level made, replayed straight to the same dynalite with the AWS SDK
 * at the same concurrency. ratio = our time / the floor's time (target: <= 3 at concurrency 16).
 *
 * The machine is shared and noisy, so the floor is replayed THROUGHPUT_FLOOR_RUNS times (default 3)
 * and its median kept, and the CPU time of both (all threads of this process) is reported beside the
 * wall times: `cpuRatio` is far less sensitive to other processes than `floorRatio`.
 *
 * The floor's calls come from one SDK client in one thread; the run's come from ~25 functions, each
 * in its own isolate (as on Lambda), on the same two cores. The same calls are therefore replayed a
 * second time from one thread per calling function (`callerFloor`): `isolateFactorC<c>` is what that
 * spreading alone costs, `callerFloorRatioC<c>` what the product adds beyond it.
 *
 * Settings: THROUGHPUT_LEVELS (`concurrency:orders,…`, default `1:16,4:32,16:64`),
 * THROUGHPUT_POLL_MS (first poll after an action, default 10), THROUGHPUT_POLL_MAX_MS (the backoff's
 * ceiling, default 160), THROUGHPUT_FLOOR_RUNS, THROUGHPUT_CALLER_FLOOR_RUNS, THROUGHPUT_WARMUP (untimed orders first, default 8),
 * THROUGHPUT_PROFILE=1 (a sampling profile of the main thread during each level, charged to the
 * runtime's parts), THROUGHPUT_FEED=0 (poll on a timer instead of the live feed),
 * THROUGHPUT_FEED_READS=every (read an order on every feed message about it, not only on those that
 * ask someone to act: see feed-signals.ts), THROUGHPUT_FEED_FALLBACK_MS (read anyway after this long
 * without a message, default 3000).
 */
export interface LevelReport {
  concurrency: number;
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  floorSeconds: number;
  /** Every replay of the floor, in seconds. */
  floorRuns: number[];
  floorRatio: number;
  /** CPU seconds of the run / CPU seconds of the floor (median run). */
  cpuRatio: number;
  cpuSeconds: number;
  floorCpuSeconds: number;
  /** The run's CPU by thread: the main thread (every local server) and the others (functions, pools). */
  threads?: ThreadCpu;
  floorThreads?: ThreadCpu;
  /**
   * The floor's calls made as the run made them: each from a thread of the function that sent it, one
   * SDK client per function (THROUGHPUT_CALLER_FLOOR_RUNS replays, default 1, the median kept). Its
   * `isolateFactor` (its time / the floor's) is what spreading the same calls over one isolate per
   * function costs on this machine; `ratio` (the run's time / its time) is what the rest adds.
   */
  callerFloor?: {
    seconds: number;
    cpuSeconds: number;
    ratio: number;
    isolateFactor: number;
    cpuIsolateFactor: number;
  };
  events: { putEvents: number; delivered: number; failedAttempts: number };
  /** Requests each local server served in the run (the functions' SDK calls and the client's API calls). */
  services: Record<string, number>;
  /** Answers 429 the client got on this level's runtime (seeding, warm-up and run); it must be none. */
  throttled: number;
  apiRequests: number;
  polls: number;
  /** Live feed messages the drivers got (they read an order when its feed message came). */
  feedMessages: number;
  dynamoRequests: Record<string, number>;
  dynamoErrors: number;
  /** The refused requests by table, operation and item kind (the key's prefix): where writers collide. */
  refusedBy: Record<string, number>;
  /** Every request by table, operation and item kind: where the storage calls per order come from. */
  requestsBy: Record<string, number>;
  /** Every request by the function that sent it (`client` for none: the API's authorizer cache…). */
  requestsByCaller: Record<string, number>;
  floorErrors: number;
  /** CPU time of the whole process (main thread and every function's worker) per second of wall time. */
  coresBusy: number;
  /** How busy the main thread was (API adapter, Step Functions, EventBridge, dynalite, SES, S3). */
  mainThreadBusy: number;
  /** Sum of the time dynalite took per request (its queueing included), per second of wall time. */
  dynaliteMsPerSecond: number;
  /** Per function: invocations, mean wall time of a call, and its sandbox threads' busy time (its own CPU). */
  functions: Record<string, { invocations: number; meanMs: number; busyMs: number }>;
  stateTransitions: number;
  requestBytes: number;
  responseBytes: number;
  profile?: MainThreadProfile;
}

const DEFAULT_LEVELS = '1:16,4:32,16:64';

function levels(): { concurrency: number; orders: number }[] {
  return (process.env.THROUGHPUT_LEVELS ?? DEFAULT_LEVELS).split(',').map((level) => {
    const [concurrency, orders] = level.split(':').map(Number);
    if (!(concurrency >= 1 && orders >= 3)) throw new Error(`THROUGHPUT_LEVELS: bad level ${level}`);
    return { concurrency, orders };
  });
}

const pollOptions = () => ({
  firstPollMs: Number(process.env.THROUGHPUT_POLL_MS ?? 10),
  maxPollMs: Number(process.env.THROUGHPUT_POLL_MAX_MS ?? 160),
  feedFallbackMs: Number(process.env.THROUGHPUT_FEED_FALLBACK_MS ?? 3000),
  timeoutMs: 180_000,
});
/** The drivers learn of changes from the live feed unless THROUGHPUT_FEED=0 (then they poll). */
const useFeed = () => process.env.THROUGHPUT_FEED !== '0';
const feedReads = () => (process.env.THROUGHPUT_FEED_READS === 'every' ? 'every' : 'actionable');

async function runLevel(concurrency: number, orders: number): Promise<LevelReport> {
  // The topology's usage plans, not lifted: the lifecycle must fit them (the report counts 429s).
  const bench = await startBenchRuntime({ liftThrottle: false });
  const { runtime } = bench;
  const api = benchApi(runtime.info);
  try {
    // Untimed: a few orders of every kind first, so that each function's sandbox (its own isolate, JIT
    // and SDK clients, as on Lambda) has run its code before the measured orders come.
    const warmup = await seedBatch(api, `W${concurrency}`, Number(process.env.THROUGHPUT_WARMUP ?? 8));
    const warmed = await driveBatch({
      info: runtime.info,
      batch: warmup,
      concurrency: 4,
      poll: pollOptions(),
      useFeed: useFeed(),
      feedReads: feedReads(),
    });
    const batch = await seedBatch(api, `C${concurrency}`, orders);
    await runtime.idle();

    const before = {
      counts: runtime.dynamodb.requestCounts(),
      functions: runtime.lambda.functionStats(),
      api: runtime.api.requestCount(),
      transitions: runtime.sfn.counts().stateTransitions,
      events: runtime.eventbridge.counts(),
      services: bench.serviceRequests(),
      threads: measureThreadCpu(),
      cpu: process.cpuUsage(),
      elu: performance.eventLoopUtilization(),
    };
    let driven: DriveResult | undefined;
    bench.dynamo.start();
    const started = performance.now();
    // The drivers run in a thread of their own, off the main thread where the local servers run.
    const measured = async () => {
      driven = await driveInThread({
        info: runtime.info,
        batch,
        concurrency,
        poll: pollOptions(),
        useFeed: useFeed(),
        feedReads: feedReads(),
      });
      await runtime.idle();
    };
    let profile: MainThreadProfile | undefined;
    if (process.env.THROUGHPUT_PROFILE === '1') profile = (await profileMainThread(measured)).profile;
    else await measured();
    const ms = performance.now() - started;
    const recorded = bench.dynamo.stop();
    const services = delta(bench.serviceRequests(), before.services);
    const cpu = process.cpuUsage(before.cpu);
    const threads = before.threads();
    const elu = performance.eventLoopUtilization(before.elu);
    const counts = delta(runtime.dynamodb.requestCounts(), before.counts);
    const countedTotal = Object.values(counts).reduce((a, b) => a + b, 0);
    if (countedTotal !== recorded.length)
      process.stderr.write(
        `  note: dynalite counted ${countedTotal} requests, the recorder kept ${recorded.length}\n`,
      );

    const floors: (FloorResult & { threads?: ThreadCpu })[] = [];
    for (let run = 0; run < Number(process.env.THROUGHPUT_FLOOR_RUNS ?? 3); run++) {
      // CPU: the replay's own (floor.cpuMs, its thread's start left out); the thread split around it.
      const floorThreads = measureThreadCpu();
      const floor = await replayStorageFloor(runtime.info.endpoints.dynamodb, recorded, concurrency);
      floors.push({ ...floor, threads: floorThreads() });
    }
    const floor = [...floors].sort((a, b) => a.ms - b.ms)[Math.floor(floors.length / 2)];
    // The same calls again, each from a thread of the function that made it (see callerFloor).
    const callerFloors: FloorResult[] = [];
    for (let run = 0; run < Number(process.env.THROUGHPUT_CALLER_FLOOR_RUNS ?? 1); run++) {
      callerFloors.push(
        await replayStorageFloor(runtime.info.endpoints.dynamodb, recorded, concurrency, 'callers'),
      );
    }
    const callerFloor = [...callerFloors].sort((a, b) => a.ms - b.ms)[Math.floor(callerFloors.length / 2)];
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const after = runtime.lambda.functionStats();
    const functions = Object.fromEntries(
      Object.entries(after)
        .map(([name, s]) => {
          const invocations = s.invocations - (before.functions[name]?.invocations ?? 0);
          const totalMs = s.totalMs - (before.functions[name]?.totalMs ?? 0);
          const busyMs = s.busyMs - (before.functions[name]?.busyMs ?? 0);
          return [name, { invocations, meanMs: invocations ? totalMs / invocations : 0, busyMs }] as const;
        })
        .filter(([, s]) => s.invocations > 0),
    );
    return {
      concurrency,
      orders,
      seconds: ms / 1000,
      ordersPerSecond: orders / (ms / 1000),
      floorSeconds: floor.ms / 1000,
      floorRuns: floors.map((run) => run.ms / 1000),
      floorRatio: ms / floor.ms,
      cpuRatio: cpuMs / floor.cpuMs,
      cpuSeconds: cpuMs / 1000,
      floorCpuSeconds: floor.cpuMs / 1000,
      threads,
      floorThreads: floor.threads,
      callerFloor: callerFloor && {
        seconds: callerFloor.ms / 1000,
        cpuSeconds: callerFloor.cpuMs / 1000,
        ratio: ms / callerFloor.ms,
        isolateFactor: callerFloor.ms / floor.ms,
        cpuIsolateFactor: callerFloor.cpuMs / floor.cpuMs,
      },
      events: eventsSince(runtime, before.events),
      services,
      throttled: api.throttled() + warmed.throttled + (driven?.throttled ?? 0),
      apiRequests: runtime.api.requestCount() - before.api,
      polls: driven?.stats.polls ?? 0,
      feedMessages: driven?.stats.feedMessages ?? 0,
      dynamoRequests: counts,
      dynamoErrors: recorded.filter((request) => request.status >= 300).length,
      refusedBy: byItem(recorded.filter((request) => request.status >= 300)),
      requestsBy: byItem(recorded),
      requestsByCaller: byCaller(recorded),
      floorErrors: floor.errors,
      coresBusy: cpuMs / ms,
      mainThreadBusy: elu.utilization,
      dynaliteMsPerSecond: recorded.reduce((sum, request) => sum + request.ms, 0) / (ms / 1000),
      functions,
      stateTransitions: runtime.sfn.counts().stateTransitions - before.transitions,
      requestBytes: bytes(recorded, (request) => Buffer.byteLength(request.body)),
      responseBytes: bytes(recorded, (request) => request.responseBytes),
      ...(profile ? { profile } : {}),
    };
  } finally {
    api.close();
    await bench.settle({ timeoutMs: 30_000 });
    await bench.stop();
  }
}

function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([operation, count]) => [operation, count - (before[operation] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
}

function eventsSince(
  runtime: BenchRuntime['runtime'],
  before: ReturnType<BenchRuntime['runtime']['eventbridge']['counts']>,
): LevelReport['events'] {
  const after = runtime.eventbridge.counts();
  return {
    putEvents: after.putEvents - before.putEvents,
    delivered: after.delivered - before.delivered,
    failedAttempts: after.failedAttempts - before.failedAttempts,
  };
}

function bytes(requests: RecordedRequest[], size: (request: RecordedRequest) => number): number {
  return requests.reduce((sum, request) => sum + size(request), 0);
}

export interface ThroughputFigures extends Record<string, number> {}

/** Every level, each on its own fresh runtime; figures `ordersPerSecondC<c>` and `floorRatioC<c>`. */
export async function benchThroughput(
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<{ figures: ThroughputFigures; levels: LevelReport[] }> {
  const reports: LevelReport[] = [];
  const figures: ThroughputFigures = {};
  for (const { concurrency, orders } of levels()) {
    log(`  concurrency ${concurrency}: ${orders} orders…`);
    const report = await runLevel(concurrency, orders);
    reports.push(report);
    figures[`ordersPerSecondC${concurrency}`] = report.ordersPerSecond;
    figures[`floorRatioC${concurrency}`] = report.floorRatio;
    figures[`cpuRatioC${concurrency}`] = report.cpuRatio;
    figures[`throttledC${concurrency}`] = report.throttled;
    if (report.callerFloor) {
      figures[`callerFloorRatioC${concurrency}`] = report.callerFloor.ratio;
      figures[`isolateFactorC${concurrency}`] = report.callerFloor.isolateFactor;
    }
    log(describe(report));
  }
  return { figures, levels: reports };
}

export function describe(report: LevelReport): string {
  const perOrder = (value: number) => (value / report.orders).toFixed(1);
  const dynamoTotal = Object.values(report.dynamoRequests).reduce((a, b) => a + b, 0);
  const functions = Object.entries(report.functions)
    .sort(([, a], [, b]) => b.invocations * b.meanMs - a.invocations * a.meanMs)
    .slice(0, 8)
    .map(([name, s]) => `${name} ${perOrder(s.invocations)}×${s.meanMs.toFixed(1)}ms`)
    .join(', ');
  const busy = Object.values(report.functions).reduce((sum, s) => sum + s.busyMs, 0);
  const busiest = Object.entries(report.functions)
    .sort(([, a], [, b]) => b.busyMs - a.busyMs)
    .slice(0, 10)
    .map(([name, s]) => `${name} ${(s.busyMs / report.orders).toFixed(0)}`)
    .join(', ');
  return [
    `    ${report.ordersPerSecond.toFixed(2)} orders/s (${report.seconds.toFixed(1)} s); floor ${report.floorSeconds.toFixed(2)} s (runs ${report.floorRuns.map((run) => run.toFixed(2)).join(', ')}); ratio ${report.floorRatio.toFixed(2)}`,
    ...(report.callerFloor
      ? [
          `    the floor's calls from one thread per calling function: ${report.callerFloor.seconds.toFixed(2)} s, CPU ${report.callerFloor.cpuSeconds.toFixed(1)} s; isolate factor ${report.callerFloor.isolateFactor.toFixed(2)} (CPU ${report.callerFloor.cpuIsolateFactor.toFixed(2)}); the run against it ${report.callerFloor.ratio.toFixed(2)}`,
        ]
      : []),
    `    CPU time: run ${report.cpuSeconds.toFixed(1)} s${threadSplit(report.threads)}, floor ${report.floorCpuSeconds.toFixed(1)} s${threadSplit(report.floorThreads)}; CPU ratio ${report.cpuRatio.toFixed(2)}`,
    `    per order: ${perOrder(report.apiRequests)} API requests (${perOrder(report.polls)} polls${report.feedMessages ? `, on ${perOrder(report.feedMessages)} feed messages` : ''}), ${perOrder(dynamoTotal)} DynamoDB requests (${Object.entries(
      report.dynamoRequests,
    )
      .map(([operation, count]) => `${operation} ${perOrder(count)}`)
      .join(
        ', ',
      )}), ${perOrder(report.stateTransitions)} state transitions, ${perOrder(report.events.putEvents)} events put and ${perOrder(report.events.delivered)} delivered`,
    `    requests served per order: ${Object.entries(report.services)
      .map(([service, count]) => `${service} ${perOrder(count)}`)
      .join(', ')}${report.throttled ? ` (${report.throttled} API calls throttled and retried)` : ''}`,
    `    DynamoDB: ${report.dynamoErrors} refused (conditions) in the run, ${report.floorErrors} in the floor; ${(report.requestBytes / dynamoTotal).toFixed(0)} B sent and ${(report.responseBytes / dynamoTotal).toFixed(0)} B answered per request`,
    `    refused by item: ${Object.entries(report.refusedBy)
      .sort(([, a], [, b]) => b - a)
      .map(([what, count]) => `${what} ${count}`)
      .join(', ')}`,
    `    requests per order by item (the most): ${Object.entries(report.requestsBy)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 16)
      .map(([what, count]) => `${what} ${perOrder(count)}`)
      .join(', ')}`,
    `    requests per order by function (the most): ${Object.entries(report.requestsByCaller)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 40)
      .map(([what, count]) => `${what} ${perOrder(count)}`)
      .join(', ')}`,
    `    CPU: ${report.coresBusy.toFixed(2)} cores busy, main thread ${(report.mainThreadBusy * 100).toFixed(0)}% busy; dynalite request time ${report.dynaliteMsPerSecond.toFixed(0)} ms/s`,
    `    functions (invocations per order × mean ms): ${functions}`,
    `    function threads busy per order: ${(busy / report.orders).toFixed(0)} ms; by function (ms): ${busiest}`,
    ...(report.profile ? [`    main thread: ${describeProfile(report.profile)}`] : []),
  ].join('\n');
}

function threadSplit(threads: ThreadCpu | undefined): string {
  if (!threads) return '';
  return ` (main thread ${(threads.mainMs / 1000).toFixed(1)} s, other threads ${(threads.otherMs / 1000).toFixed(1)} s)`;
}

if (require.main === module) {
  process.stdout.write('Lifecycle throughput: full export orders through the API, and the storage floor\n');
  benchThroughput()
    .then(({ figures }) => {
      console.table(
        Object.entries(figures).map(([figure, value]) => ({
          figure: `lifecycle.${figure}`,
          value: Math.round(value * 100) / 100,
        })),
      );
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

/** Refused requests grouped by table, operation and the item's kind (`ORDER#`, `COUNTER#`, …). */
function byCaller(recorded: RecordedRequest[]): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const request of recorded) {
    const item = /"(?:pk|sk)":\{"S":"([A-Za-z_-]+)[#:]?/.exec(request.body)?.[1] ?? '?';
    const what = `${request.caller ?? 'other'} ${request.operation} ${request.table.replace(/^tradeflow-/, '')} ${item}`;
    groups[what] = (groups[what] ?? 0) + 1;
  }
  return groups;
}

function byItem(recorded: RecordedRequest[]): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const request of recorded) {
    const key = /"(?:pk|sk)":\{"S":"([A-Za-z_-]+)[#:]?/.exec(request.body)?.[1] ?? '?';
    const what = `${request.table.replace(/^tradeflow-/, '')} ${request.operation} ${key}`;
    groups[what] = (groups[what] ?? 0) + 1;
  }
  return groups;
}
