import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LocalInfo } from '../../infra/local/runtime';
import { benchApi } from './api-client';
import { ACTIONABLE_FEED_TYPES, type OrderSignals, openOrderSignals } from './feed-signals';
import { type Batch, type DriveStats, driveOrder } from './lifecycle';

export interface DriveJob {
  info: LocalInfo;
  batch: Batch;
  concurrency: number;
  poll: { firstPollMs: number; maxPollMs: number; timeoutMs: number; feedFallbackMs?: number };
  /** Learn of changes from the live feed (one stream for the batch) instead of polling on a timer. */
  useFeed?: boolean;
  /** With the feed: read an order on its messages that ask to act (default), or on every one. */
  feedReads?: 'actionable' | 'every';
}

export interface DriveResult {
  stats: DriveStats;
  /** Answers 429 the drivers got (each retried after a pause). */
  throttled: number;
}

const MARK = 'tradeflow-bench-driver';

/**
 * Drives a batch with `concurrency` drivers in a worker thread of its own: the client is not part of
 * the system it measures, so it must not share the main thread's event loop with the local servers
 * (the floor's client runs in a worker too; the latency bench's autocannon in a child process). Its
 * CPU still counts in the process's CPU time.
 */
export function driveInThread(job: DriveJob): Promise<DriveResult> {
  return new Promise((resolve, reject) => {
    // Plain JavaScript first: it registers tsx in the thread, then loads this file as TypeScript.
    const worker = new Worker(
      `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(__filename)});`,
      { eval: true, workerData: { mark: MARK, job } },
    );
    worker.once('message', (message: { result?: DriveResult; error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(`the drivers failed: ${message.error}`));
      else resolve(message.result!);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the driver thread exited (${code}) before answering`)));
  });
}

export async function driveBatch(job: DriveJob): Promise<DriveResult> {
  const api = benchApi(job.info);
  const stats: DriveStats = { polls: 0, actions: 0 };
  let signals: OrderSignals | undefined;
  try {
    if (job.useFeed) {
      if (!job.info.feedUrl) throw new Error('useFeed: the runtime has no live feed');
      signals = await openOrderSignals(
        job.info.feedUrl,
        job.info.staffTokens.sales,
        job.feedReads === 'every' ? undefined : ACTIONABLE_FEED_TYPES,
      );
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        while (next < job.batch.orders.length)
          await driveOrder(api, job.batch, next++, job.poll, stats, signals);
      }),
    );
    return { stats: { ...stats, feedMessages: signals?.received() }, throttled: api.throttled() };
  } finally {
    signals?.close();
    api.close();
  }
}

if (!isMainThread && workerData?.mark === MARK) {
  driveBatch(workerData.job as DriveJob).then(
    (result) => parentPort!.postMessage({ result }),
    (error: Error) => parentPort!.postMessage({ error: error.stack ?? error.message }),
  );
}
