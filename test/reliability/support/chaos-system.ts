import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChaosOptions } from '../../../infra/local/chaos/chaos-options';
import { type LocalRuntime, startLocalRuntime } from '../../../infra/local/runtime';
import { type RetryingClient, retryingClient } from './retrying-client';

/**
 * Time runs 5 times faster: ASL retry intervals (1 s, 2 s, …) and EventBridge backoff shrink to a
 * fifth, while a task's 60 s TimeoutSeconds stays 12 s (at 20x, 3 s was too short for a dozen orders
 * reserving the same SKU on a busy 2-core machine: tasks timed out five times in a row) and the
 * shortest human wait (a day) stays hours, so no wait escalates during a run.
 */
export const TIME_SCALE = 5;

/** The embedded runtime in this process, with chaos options, on free ports and a fresh data folder. */
export async function startChaosSystem(chaos?: ChaosOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-chaos-'));
  const runtime: LocalRuntime = await startLocalRuntime(
    { host: '127.0.0.1', port: 0, dataDir, timeScale: TIME_SCALE },
    { chaos },
  );
  const api: RetryingClient = retryingClient(() => runtime.info);
  return {
    runtime,
    api,
    stop: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
