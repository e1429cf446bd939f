import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalRuntime } from '../../infra/local/runtime';
import { type DynamoRecorder, recordDynamoRequests, withServerCapture } from './dynamo-recorder';

export interface BenchRuntime {
  runtime: LocalRuntime;
  /** Every request dynalite serves, between `start()` and `stop()`. */
  dynamo: DynamoRecorder;
  /** Requests served so far by each local server (api, dynamodb, sfn, eventbridge, sesv2, s3, admin). */
  serviceRequests(): Record<string, number>;
  /**
   * Resolves when the system has gone quiet: no event delivery pending and no DynamoDB request or
   * function invocation for `quietMs` (executions may still wait on their task tokens).
   */
  settle(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fresh embedded runtime as `npm start` runs it (free ports, a temporary data folder, functions
 * warmed), with every function's sandbox loaded before this resolves, so no cold start is measured.
 *
 * With `liftThrottle` (the default) the usage plans' throttle is lifted, for benchmarks that drive one
 * key far past its plan on purpose (the latency bench: one storefront key at 32 connections), so that
 * they measure the system, not the throttle. Without it the topology's plans apply, and the client
 * counts the 429s it gets (the throughput bench: it must get none).
 * For experiments, BENCH_FUNCTION_ENV (`NAME=value,…`) adds variables to every function's environment
 * (e.g. `POWERTOOLS_LOG_LEVEL=WARN`), and BENCH_AUTHORIZER_CACHE=<ttl>
 * runs the API with the authorizer's results cached for <ttl> seconds keyed on `Authorization`, every
 * caller (storefronts too) sending its credential as `Authorization: Bearer` (see `storefrontHeaders`).
 */
export async function startBenchRuntime({ liftThrottle = true } = {}): Promise<BenchRuntime> {
  // Imported here, not at the top, so that a bench that never starts the runtime does not load it.
  const { startLocalRuntime } = await import('../../infra/local/runtime');
  const { topology } = await import('../../infra/topology');
  const extraEnvironment = Object.fromEntries(
    (process.env.BENCH_FUNCTION_ENV ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  const benchTopology = {
    ...topology,
    functions: Object.fromEntries(
      Object.entries(topology.functions).map(([name, fn]) => [
        name,
        { ...fn, environment: { ...fn.environment, ...extraEnvironment } },
      ]),
    ),
    api: {
      ...topology.api,
      ...(authorizerCacheTtl()
        ? {
            authorizer: {
              ...topology.api.authorizer,
              identitySources: ['Authorization'],
              resultsTtlSeconds: authorizerCacheTtl(),
            },
          }
        : {}),
      usagePlans: liftThrottle
        ? topology.api.usagePlans.map((plan) => ({ ...plan, rateLimit: 1e9, burstLimit: 1e9 }))
        : topology.api.usagePlans,
    },
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-bench-'));
  const { value: runtime, servers } = await withServerCapture(() =>
    startLocalRuntime(
      { host: '127.0.0.1', port: 0, dataDir, timeScale: 1 },
      { warm: true, topology: benchTopology },
    ),
  );
  const activity = () =>
    Object.values(runtime.dynamodb.requestCounts()).reduce((a, b) => a + b, 0) +
    Object.values(runtime.lambda.functionStats()).reduce((sum, fn) => sum + fn.invocations, 0);
  try {
    await runtime.lambda.warm();
    const dynamo = recordDynamoRequests(servers, runtime.dynamodb.port);
    const served = countRequests(servers, {
      api: runtime.info.apiUrl,
      admin: runtime.info.adminUrl,
      ...runtime.info.endpoints,
    });
    return {
      runtime,
      dynamo,
      serviceRequests: () => ({ ...served }),
      settle: async ({ quietMs = 1_000, timeoutMs = 180_000 } = {}) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          await runtime.idle();
          const before = activity();
          await new Promise((resolve) => setTimeout(resolve, quietMs));
          if (activity() === before || Date.now() > deadline) return;
        }
      },
      stop: async () => {
        await runtime.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** BENCH_AUTHORIZER_CACHE: the experiment's authorizer cache TTL in seconds (0: as the topology says). */
export function authorizerCacheTtl(): number {
  return Number(process.env.BENCH_AUTHORIZER_CACHE ?? 0);
}

/** How a storefront sends its key: `x-api-key`, or `Authorization: Bearer` in the cache experiment. */
export function storefrontHeaders(apiKey: string): Record<string, string> {
  return authorizerCacheTtl() ? { authorization: `Bearer ${apiKey}` } : { 'x-api-key': apiKey };
}

/** Counts the requests each server serves, named by the URL it listens on. */
function countRequests(servers: Server[], urls: Record<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  const byPort = new Map(Object.entries(urls).map(([name, url]) => [Number(new URL(url).port), name]));
  for (const server of servers) {
    const name = byPort.get((server.address() as AddressInfo | null)?.port ?? -1);
    if (!name) continue;
    counts[name] = 0;
    server.on('request', () => {
      counts[name]++;
    });
  }
  return counts;
}
