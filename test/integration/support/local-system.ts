import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalRuntime, startLocalRuntime } from '../../../infra/local/runtime';
import type { Topology } from '../../../infra/topology/types';
import { productBodies } from '../../fixtures/products';

/**
 * The embedded runtime for a test file: free ports and a temporary data folder, so test files never
 * collide. `restart()` keeps the data folder, as a second `npm start` would.
 */
export async function startLocalSystem(
  options: { timeScale?: number; dataDir?: string; topology?: Topology } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tradeflow-test-'));
  const settings = { host: '127.0.0.1', port: 0, dataDir, timeScale: options.timeScale ?? 1 };
  const start = { topology: options.topology };
  let runtime: LocalRuntime = await startLocalRuntime(settings, start);
  return {
    get runtime() {
      return runtime;
    },
    dataDir,
    api: (
      path: string,
      init: {
        method?: string;
        body?: unknown;
        headers?: Record<string, string>;
        as?: 'storefront' | 'none' | string;
      } = {},
    ) => call(runtime, path, init),
    admin: async <T>(path: string, method = 'GET'): Promise<T> => {
      const response = await fetch(`${runtime.info.adminUrl}${path}`, { method });
      return (await response.json()) as T;
    },
    sentEmails: async () => {
      const response = await fetch(`${runtime.info.sesUrl}/store`);
      return ((await response.json()) as { emails: SentEmail[] }).emails;
    },
    /** Creates the fixture products with stock on hand (idempotent: an existing product is fine). */
    seedProducts: async (onHand = 1000) => {
      for (const product of productBodies) {
        const created = await call(runtime, '/products', { body: product, as: 'procurement' });
        if (created.status !== 201 && created.status !== 409)
          throw new Error(`POST /products answered ${created.status}`);
        const stocked = await call(runtime, `/inventory/${product.sku}`, {
          method: 'PUT',
          body: { onHand },
          as: 'warehouse',
        });
        if (stocked.status !== 200)
          throw new Error(`PUT /inventory answered ${stocked.status}: ${JSON.stringify(stocked.json)}`);
      }
    },
    restart: async () => {
      await runtime.close();
      runtime = await startLocalRuntime(settings, start);
    },
    stop: async (keepData = false) => {
      await runtime.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type LocalSystem = Awaited<ReturnType<typeof startLocalSystem>>;

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

/** `as`: 'storefront' (the local API key, default), a staff role (its token), or 'none'. */
async function call(
  runtime: LocalRuntime,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; as?: string },
) {
  const as = init.as ?? 'storefront';
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (as === 'storefront') headers['x-api-key'] = runtime.info.apiKey;
  else if (as !== 'none')
    headers.authorization = `Bearer ${runtime.info.staffTokens[as as keyof typeof runtime.info.staffTokens]}`;
  const response = await fetch(`${runtime.info.apiUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, headers: response.headers };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
