import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDB } from '../infra/local/dynamodb/local-dynamodb';
import { SANDBOX_NICENESS } from '../infra/local/lambda/invoker';
import { localClientConfig } from '../infra/local/local-aws';
import { measureThreadCpu } from './support/thread-cpu';

/**
 * What one DynamoDB call costs when the calls are spread over K isolates instead of one (an
 * experiment, not part of `npm run bench`): N GetItem/PutItem calls (2:1, ~1 KB items) through the
 * document client, 16 at a time, sent from K worker threads (each its own isolate and SDK client, as
 * each function's sandbox is), to a dynalite on the main thread. Prints wall and CPU time per call,
 * split into dynalite's thread, the K client threads (each reads its own CPU time) and the rest.
 *   npx tsx bench/isolates.ts            ISOLATES=1,2,4,8,16,30 CALLS=6000 WARM=20 BURST=0
 * BURST=n sends n calls in a row to one thread before the next (instead of one call each in turn).
 */

const CLIENT_SOURCE = `
const { readFileSync } = require('node:fs');
const { parentPort, workerData: job } = require('node:worker_threads');
try { const os = require('node:os'); os.setPriority(0, Math.max(os.getPriority(0), job.niceness)); } catch {}
const { DynamoDBClient } = require(job.sdkPath);
const { DynamoDBDocumentClient, GetCommand, PutCommand } = require(job.libPath);
const client = DynamoDBDocumentClient.from(new DynamoDBClient(job.clientConfig));
// This thread's own CPU time (Linux: /proc/thread-self), in ms.
const ownCpuMs = () => {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
let sent = 0;
parentPort.on('message', async (id) => {
  if (id === 'cpu') return parentPort.postMessage({ cpuMs: ownCpuMs() });
  const pk = 'item-' + (sent++ % 100);
  if (sent % 3 === 0)
    await client.send(new PutCommand({ TableName: job.table, Item: { pk, sent, body: 'x'.repeat(900) } }));
  else await client.send(new GetCommand({ TableName: job.table, Key: { pk } }));
  parentPort.postMessage(id);
});
`;

interface Clients {
  call(index: number): Promise<void>;
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

function startClients(count: number, job: Record<string, unknown>): Clients {
  const workers = Array.from(
    { length: count },
    () => new Worker(CLIENT_SOURCE, { eval: true, workerData: job }),
  );
  const pending = new Map<number, () => void>();
  let cpuReplies: ((ms: number) => void)[] = [];
  for (const worker of workers) {
    worker.on('message', (message: number | { cpuMs: number }) => {
      if (typeof message === 'number') {
        pending.get(message)?.();
        pending.delete(message);
      } else cpuReplies.shift()?.(message.cpuMs);
    });
  }
  let nextId = 0;
  return {
    call: (index) =>
      new Promise<void>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        workers[index % count].postMessage(id);
      }),
    cpuMs: async () => {
      const replies = workers.map(
        (worker) =>
          new Promise<number>((resolve) => {
            cpuReplies.push(resolve);
            worker.postMessage('cpu');
          }),
      );
      const all = await Promise.all(replies);
      cpuReplies = [];
      return all.reduce((sum, ms) => sum + ms, 0);
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

async function main(): Promise<void> {
  const counts = (process.env.ISOLATES ?? '1,2,4,8,16,30').split(',').map(Number);
  const calls = Number(process.env.CALLS ?? 6000);
  const warm = Number(process.env.WARM ?? 20);
  const burst = Number(process.env.BURST ?? 0);
  const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-isolates-'));
  const dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
  const table = 'isolates';
  const admin = new DynamoDBClient(localClientConfig(dynamodb.url));
  await admin.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const job = {
    table,
    clientConfig: localClientConfig(dynamodb.url),
    sdkPath: require.resolve('@aws-sdk/client-dynamodb'),
    libPath: require.resolve('@aws-sdk/lib-dynamodb'),
    niceness: SANDBOX_NICENESS,
  };
  process.stdout.write(
    `${calls} calls, 16 at a time, each thread warmed by ${warm} calls${burst ? `, ${burst} calls in a row per thread` : ''}\n`,
  );
  try {
    for (const count of counts) {
      const clients = startClients(count, job);
      for (let index = 0; index < count; index++) for (let i = 0; i < warm; i++) await clients.call(index);
      const clientCpuBefore = await clients.cpuMs();
      const threads = measureThreadCpu();
      const cpu = process.cpuUsage();
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < calls) {
            const index = burst ? Math.floor(next / burst) : next;
            next++;
            await clients.call(index);
          }
        }),
      );
      const wallMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const split = threads();
      const clientMs = (await clients.cpuMs()) - clientCpuBefore;
      await clients.close();
      const perCall = (ms: number) => (ms / calls).toFixed(2);
      const totalMs = (used.user + used.system) / 1000;
      process.stdout.write(
        `  ${String(count).padStart(3)} isolates: ${perCall(wallMs)} ms wall, ${perCall(totalMs)} ms CPU per call` +
          (split
            ? ` (main thread: dynalite and the dispatch ${perCall(split.mainMs)}, the client threads ${perCall(clientMs)}, the rest ${perCall(split.otherMs - clientMs)})`
            : '') +
          '\n',
      );
    }
  } finally {
    admin.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
