import { MessageChannel, Worker } from 'node:worker_threads';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { SANDBOX_NICENESS } from '../../infra/local/lambda/invoker';
import { localClientConfig } from '../../infra/local/local-aws';
import type { RecordedRequest } from './dynamo-recorder';

// biome-ignore lint/suspicious/noExplicitAny: the inputs are the recorded wire JSON, which the SDK checks
type Input = any;
type Send = (client: DynamoDBClient, input: Input) => Promise<unknown>;
const SENDERS: Record<string, Send> = {
  GetItem: (client, input) => client.send(new GetItemCommand(input)),
  PutItem: (client, input) => client.send(new PutItemCommand(input)),
  UpdateItem: (client, input) => client.send(new UpdateItemCommand(input)),
  DeleteItem: (client, input) => client.send(new DeleteItemCommand(input)),
  Query: (client, input) => client.send(new QueryCommand(input)),
  Scan: (client, input) => client.send(new ScanCommand(input)),
  BatchGetItem: (client, input) => client.send(new BatchGetItemCommand(input)),
  BatchWriteItem: (client, input) => client.send(new BatchWriteItemCommand(input)),
  DescribeTable: (client, input) => client.send(new DescribeTableCommand(input)),
};

export interface FloorResult {
  ms: number;
  requests: number;
  /** Replayed requests dynalite refused (for example an update of an item a replayed delete removed). */
  errors: number;
  byOperation: Record<string, number>;
  /** The process's CPU time during the replay itself (its threads' start and warm-up left out). */
  cpuMs: number;
}

/**
 * The storage floor: the very requests the run made (same operations, tables, keys, item sizes and
 * expressions, in the order they arrived), sent straight to the same dynalite with the AWS SDK at the
 * given concurrency. Writes lose their conditions (ConditionExpression and the names and values only
 * it used): replayed after the run, a condition on a version would fail and skip the write, making the
 * floor cheaper than the storage work the run really did.
 *
 * The SDK client runs in a worker thread, as the functions' clients do in the run: dynalite has the
 * main thread to itself, and the client's signing and (un)marshalling do not count against storage.
 */
export async function replayStorageFloor(
  endpoint: string,
  requests: RecordedRequest[],
  concurrency: number,
  where: 'worker' | 'main' | 'callers' = 'worker',
): Promise<FloorResult> {
  const calls = requests.map((request) => {
    if (!SENDERS[request.operation]) throw new Error(`the floor cannot replay ${request.operation}`);
    return {
      operation: request.operation,
      input: unconditional(request.operation, JSON.parse(request.body)),
      caller: request.caller ?? '(runtime)',
    };
  });
  const byOperation: Record<string, number> = {};
  for (const request of requests) byOperation[request.operation] = (byOperation[request.operation] ?? 0) + 1;
  const warmTable = tableName(requests);
  const { ms, errors, cpuMs } =
    where === 'main'
      ? await replay(endpoint, calls, concurrency, warmTable)
      : where === 'callers'
        ? await inCallerWorkers(endpoint, calls, concurrency, warmTable)
        : await inWorker({ endpoint, calls, concurrency, warmTable });
  return { ms, requests: calls.length, errors, byOperation, cpuMs };
}

interface ReplayJob {
  endpoint: string;
  /** Each with the function that sent it (`(runtime)` for none), for the per-function replay. */
  calls: { operation: string; input: unknown; caller: string }[];
  concurrency: number;
  warmTable: string;
}

async function replay(
  endpoint: string,
  calls: ReplayJob['calls'],
  concurrency: number,
  warmTable: string,
): Promise<Replayed> {
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  // One untimed request first, so the client's connection and first-use costs are not in the floor.
  await client.send(new DescribeTableCommand({ TableName: warmTable })).catch(() => undefined);
  const inputs = calls.map((call) => ({ send: SENDERS[call.operation], input: withBinaries(call.input) }));
  let next = 0;
  let errors = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) {
        const { send, input } = inputs[next++];
        await send(client, input).catch(() => {
          errors++;
        });
      }
    }),
  );
  const ms = performance.now() - started;
  const cpuMs = cpuSince(cpu);
  client.destroy();
  return { ms, errors, cpuMs };
}

const cpuSince = (before: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

type Replayed = { ms: number; errors: number; cpuMs: number };

/** The replay loop of `replay`, for a worker thread (plain JavaScript: workers do not load TypeScript). */
const WORKER_SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
const sdk = require(job.sdkPath);
// At the functions' priority (SANDBOX_NICENESS), as the calls it stands in for were made.
try { const os = require('node:os'); os.setPriority(0, Math.max(os.getPriority(0), job.niceness)); } catch {}
(async () => {
  const client = new sdk.DynamoDBClient({ ...job.clientConfig, maxAttempts: 1 });
  await client.send(new sdk.DescribeTableCommand({ TableName: job.warmTable })).catch(() => undefined);
  // Ready: the parent starts the clock (and its CPU count) and says go.
  parentPort.postMessage('ready');
  await new Promise((resolve) => parentPort.once('message', resolve));
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.calls.length) {
        const { operation, input } = job.calls[next++];
        await client.send(new sdk[operation + 'Command'](input)).catch(() => {
          errors++;
        });
      }
    }),
  );
  const ms = performance.now() - started;
  client.destroy();
  parentPort.postMessage({ ms, errors });
})();
`;

/** What every replaying thread gets: its SDK client's settings, the table to warm on, its calls. */
function clientWorkerData(endpoint: string, warmTable: string, calls: ReplayJob['calls']) {
  return {
    sdkPath: require.resolve('@aws-sdk/client-dynamodb'),
    clientConfig: localClientConfig(endpoint),
    warmTable,
    niceness: SANDBOX_NICENESS,
    // Buffers arrive as Uint8Array, which the SDK takes for binary attributes.
    calls: calls.map((call) => ({ operation: call.operation, input: withBinaries(call.input) })),
  };
}

function replayWorker(job: ReplayJob): Worker {
  return new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ...clientWorkerData(job.endpoint, job.warmTable, job.calls), concurrency: job.concurrency },
  });
}

/** Settles with the worker's next message; fails if it errs or exits first. */
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number) => reject(new Error(`floor worker exited ${code}`));
    worker.once('error', reject);
    worker.once('exit', exited);
    worker.once('message', (message: T) => {
      worker.off('error', reject);
      worker.off('exit', exited);
      resolve(message);
    });
  });
}

async function inWorker(job: ReplayJob): Promise<Replayed> {
  const worker = replayWorker(job);
  try {
    await nextMessage(worker);
    const cpu = process.cpuUsage();
    const done = nextMessage<{ ms: number; errors: number }>(worker);
    worker.postMessage('start');
    return { ...(await done), cpuMs: cpuSince(cpu) };
  } finally {
    await worker.terminate();
  }
}

/** One calling function's thread: its own SDK client sends the calls it is told to, by their index. */
const CALLER_SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
const sdk = require(job.sdkPath);
try { const os = require('node:os'); os.setPriority(0, Math.max(os.getPriority(0), job.niceness)); } catch {}
(async () => {
  const client = new sdk.DynamoDBClient({ ...job.clientConfig, maxAttempts: 1 });
  await client.send(new sdk.DescribeTableCommand({ TableName: job.warmTable })).catch(() => undefined);
  job.port.on('message', async (index) => {
    const { operation, input } = job.calls[index];
    let failed = false;
    await client.send(new sdk[operation + 'Command'](input)).catch(() => {
      failed = true;
    });
    job.port.postMessage({ index, failed });
  });
  parentPort.postMessage('ready');
})();
`;

/** Hands the calls, in the order they were recorded, to their callers' threads, `concurrency` at a time. */
const DISPATCHER_SOURCE = `
const { parentPort, workerData: job } = require('node:worker_threads');
try { const os = require('node:os'); os.setPriority(0, Math.max(os.getPriority(0), job.niceness)); } catch {}
const waiting = job.ports.map(() => new Map());
job.ports.forEach((port, caller) =>
  port.on('message', ({ index, failed }) => {
    const done = waiting[caller].get(index);
    waiting[caller].delete(index);
    done(failed);
  }),
);
const send = (caller, index) =>
  new Promise((resolve) => {
    waiting[caller].set(index, resolve);
    job.ports[caller].postMessage(index);
  });
parentPort.once('message', async () => {
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.sequence.length) {
        const [caller, index] = job.sequence[next++];
        if (await send(caller, index)) errors++;
      }
    }),
  );
  parentPort.postMessage({ ms: performance.now() - started, errors });
  for (const port of job.ports) port.close();
});
`;

/**
 * The same calls, in the order they were recorded and `concurrency` at a time, each sent from a
 * thread of the function that made it (an isolate with its own SDK client, as each sandbox has): what
 * the storage calls cost made the way the run's functions make them, spread over many isolates on the
 * same cores. A dispatcher thread hands them out (one message there and back per call).
 */
async function inCallerWorkers(
  endpoint: string,
  calls: ReplayJob['calls'],
  concurrency: number,
  warmTable: string,
): Promise<Replayed> {
  const callers = new Map<string, { index: number; calls: ReplayJob['calls'] }>();
  // Each call as [its caller's index, its index among that caller's calls].
  const sequence: [number, number][] = [];
  for (const call of calls) {
    if (!callers.has(call.caller)) callers.set(call.caller, { index: callers.size, calls: [] });
    const caller = callers.get(call.caller)!;
    sequence.push([caller.index, caller.calls.length]);
    caller.calls.push(call);
  }
  const channels = [...callers.values()].map(() => new MessageChannel());
  const workers = [...callers.values()].map(
    ({ calls: own }, caller) =>
      new Worker(CALLER_SOURCE, {
        eval: true,
        workerData: { ...clientWorkerData(endpoint, warmTable, own), port: channels[caller].port1 },
        transferList: [channels[caller].port1],
      }),
  );
  const dispatcher = new Worker(DISPATCHER_SOURCE, {
    eval: true,
    workerData: {
      concurrency,
      niceness: SANDBOX_NICENESS,
      sequence,
      ports: channels.map((channel) => channel.port2),
    },
    transferList: channels.map((channel) => channel.port2),
  });
  try {
    await Promise.all(workers.map((worker) => nextMessage(worker)));
    const cpu = process.cpuUsage();
    const done = nextMessage<{ ms: number; errors: number }>(dispatcher);
    dispatcher.postMessage('start');
    return { ...(await done), cpuMs: cpuSince(cpu) };
  } finally {
    await Promise.all([...workers, dispatcher].map((worker) => worker.terminate()));
  }
}

function tableName(requests: RecordedRequest[]): string {
  return requests.find((request) => request.table && !request.table.includes('+'))?.table ?? 'none';
}

const EXPRESSIONS = [
  'UpdateExpression',
  'ProjectionExpression',
  'KeyConditionExpression',
  'FilterExpression',
] as const;

/** A write without its condition, and without the names and values that only the condition used. */
function unconditional(operation: string, input: Record<string, unknown>): Record<string, unknown> {
  if (!['PutItem', 'UpdateItem', 'DeleteItem'].includes(operation)) return input;
  const { ConditionExpression, Expected, ConditionalOperator, ReturnValuesOnConditionCheckFailure, ...rest } =
    input as Record<string, unknown>;
  if (!ConditionExpression) return rest;
  const used = EXPRESSIONS.map((name) => rest[name])
    .filter((text): text is string => typeof text === 'string')
    .join(' ');
  const placeholders = new Set(used.match(/[#:][A-Za-z0-9_]+/g) ?? []);
  for (const key of ['ExpressionAttributeNames', 'ExpressionAttributeValues'] as const) {
    const map = rest[key] as Record<string, unknown> | undefined;
    if (!map) continue;
    const kept = Object.fromEntries(Object.entries(map).filter(([name]) => placeholders.has(name)));
    if (Object.keys(kept).length) rest[key] = kept;
    else delete rest[key];
  }
  return rest;
}

/** The wire carries binary attributes as base64; the SDK's input wants bytes (it encodes them again). */
function withBinaries(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withBinaries);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [type, inner] = entries[0];
    if (type === 'B' && typeof inner === 'string') return { B: Buffer.from(inner, 'base64') };
    if (type === 'BS' && Array.isArray(inner))
      return { BS: inner.map((item) => Buffer.from(String(item), 'base64')) };
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, withBinaries(inner)]));
}
