import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { localClientConfig, localNames } from '../infra/local/local-aws';
import type { LocalRuntime } from '../infra/local/runtime';
import { type BenchApi, benchApi } from './support/api-client';
import { startBenchRuntime, storefrontHeaders } from './support/bench-runtime';
import { type LoadResult, type LoadSpec, runLoad } from './support/load-generator';

/**
 * API latency (issue 4, benchmark 2): p50 and p99 of `GET /orders/{id}` and `POST /orders` at 32
 * concurrent connections (autocannon, in its own process), against a bare `node:http` server that
 * does one GetItem of the same order items on the same dynalite, measured in the same run.
 * Target: our p99 <= 2x the bare server's p99.
 *
 * Settings: LATENCY_SECONDS (each measurement, default 10), LATENCY_CONNECTIONS (default 32).
 */
export interface PhaseReport {
  name: string;
  load: LoadResult;
  /** CPU time of the whole process (servers, functions; not the load generator) per second. */
  coresBusy: number;
  mainThreadBusy: number;
  dynamoRequestsPerRequest: number;
  functions: Record<string, { invocations: number; meanMs: number }>;
}

const TARGETS = 32;
const CUSTOMERS = 64;

async function seed(api: BenchApi) {
  const sku = (name: string) => `${name}-LAT`;
  await api('POST', '/products', 'procurement', {
    sku: sku('VALVE'),
    name: 'Ball valve DN50, stainless',
    hsCode: '848180',
    originCountry: 'CN',
    unit: 'pcs',
    netWeightKg: 1.2,
    grossWeightKg: 1.4,
    unitCost: '7.10',
    price: '12.50',
    currency: 'EUR',
  });
  await api('PUT', `/inventory/${sku('VALVE')}`, 'warehouse', { onHand: 100_000_000 });
  const customers: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const { customerId } = await api<{ customerId: string }>('POST', '/customers', 'storefront', {
      name: `Latency buyer ${i}`,
      email: `latency.${i}@buyer.example`,
      country: 'DE',
      currency: 'EUR',
      creditLimit: { amount: '10000000.00', currency: 'EUR' },
    });
    customers.push(customerId);
  }
  const body = (customerId: string, i: number) =>
    JSON.stringify({
      customerId,
      currency: 'EUR',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      paymentTerms: { type: 'TT', depositPercent: 30 },
      lines: [{ sku: sku('VALVE'), quantity: 200, unitPrice: '12.50' }],
      shippingAddress: {
        name: 'Hamburg Tools GmbH',
        line1: 'Am Hafen 1',
        city: 'Hamburg',
        postalCode: '20457',
        country: 'DE',
      },
      buyerPo: `PO-LAT-${i}`,
    });
  const bodies = customers.map(body);
  // The orders GET reads: confirmed, with their timeline, payment schedule and documents.
  const orders: string[] = [];
  for (let i = 0; i < TARGETS; i++) {
    const { orderId } = await api<{ orderId: string }>(
      'POST',
      '/orders',
      'storefront',
      JSON.parse(bodies[i % bodies.length]),
    );
    orders.push(orderId);
  }
  for (const orderId of orders) {
    const deadline = Date.now() + 60_000;
    while (
      (await api<{ status: string }>('GET', `/orders/${orderId}`, 'storefront')).status !== 'AWAITING_DEPOSIT'
    ) {
      if (Date.now() > deadline) throw new Error(`order ${orderId} did not reach AWAITING_DEPOSIT`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { orders, bodies };
}

/** The baseline: one GetItem of the order with the SDK's document client, as JSON, and nothing else. */
async function startBareServer(endpoint: string): Promise<{ url: string; close: () => Promise<void> }> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(endpoint)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const table = localNames.table('orders');
  const server: Server = createServer((request, response) => {
    const orderId = (request.url ?? '').split('/')[2] ?? '';
    db.send(new GetCommand({ TableName: table, Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' } }))
      .then(({ Item }) => {
        const body = JSON.stringify(Item ?? {});
        response.writeHead(Item ? 200 : 404, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(500);
        response.end();
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.destroy();
          resolve();
        });
      }),
  };
}

async function phase(
  name: string,
  runtime: LocalRuntime,
  spec: LoadSpec,
  log: (line: string) => void,
): Promise<PhaseReport> {
  await runLoad({ ...spec, durationSeconds: 2 }); // warm-up, not kept
  const before = {
    functions: runtime.lambda.functionStats(),
    dynamo: total(runtime.dynamodb.requestCounts()),
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
  };
  const started = performance.now();
  const load = await runLoad(spec);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(before.cpu);
  const elu = performance.eventLoopUtilization(before.elu);
  const functions = Object.fromEntries(
    Object.entries(runtime.lambda.functionStats())
      .map(([fn, s]) => {
        const invocations = s.invocations - (before.functions[fn]?.invocations ?? 0);
        const totalMs = s.totalMs - (before.functions[fn]?.totalMs ?? 0);
        return [fn, { invocations, meanMs: invocations ? totalMs / invocations : 0 }] as const;
      })
      .filter(([, s]) => s.invocations > 0),
  );
  const report: PhaseReport = {
    name,
    load,
    coresBusy: (cpu.user + cpu.system) / 1000 / ms,
    mainThreadBusy: elu.utilization,
    dynamoRequestsPerRequest: (total(runtime.dynamodb.requestCounts()) - before.dynamo) / load.requests,
    functions,
  };
  log(describe(report));
  return report;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function describe(report: PhaseReport): string {
  const { load } = report;
  const perRequest = (invocations: number) => (invocations / load.requests).toFixed(2);
  const functions = Object.entries(report.functions)
    .sort(([, a], [, b]) => b.invocations * b.meanMs - a.invocations * a.meanMs)
    .slice(0, 6)
    .map(([name, s]) => `${name} ${perRequest(s.invocations)}×${s.meanMs.toFixed(1)}ms`)
    .join(', ');
  return [
    `    ${report.name}: p50 ${load.p50} ms, p90 ${load.p90} ms, p99 ${load.p99} ms, max ${load.max} ms; ${load.requestsPerSecond.toFixed(0)} req/s (${load.requests} requests, ${load.non2xx} not 2xx, ${load.errors} errors, ${load.timeouts} timeouts)`,
    `      CPU: ${report.coresBusy.toFixed(2)} cores busy, main thread ${(report.mainThreadBusy * 100).toFixed(0)}% busy; ${report.dynamoRequestsPerRequest.toFixed(2)} DynamoDB requests per request`,
    ...(functions ? [`      functions per request (invocations × mean ms): ${functions}`] : []),
  ].join('\n');
}

export async function benchLatency(
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<{ figures: Record<string, number>; phases: PhaseReport[] }> {
  const seconds = Number(process.env.LATENCY_SECONDS ?? 10);
  const connections = Number(process.env.LATENCY_CONNECTIONS ?? 32);
  const bench = await startBenchRuntime();
  const { runtime } = bench;
  const api = benchApi(runtime.info);
  const bare = await startBareServer(runtime.info.endpoints.dynamodb);
  try {
    log(`  seeding ${CUSTOMERS} customers and ${TARGETS} confirmed orders…`);
    const { orders, bodies } = await seed(api);
    await runtime.idle();
    const paths = orders.map((orderId) => `/orders/${orderId}`);
    const base = { connections, durationSeconds: seconds };
    const storefront = { ...storefrontHeaders(runtime.info.apiKey), 'content-type': 'application/json' };
    const bareGet = await phase(
      'bare GetItem server',
      runtime,
      { ...base, url: bare.url, method: 'GET', headers: {}, paths },
      log,
    );
    const get = await phase(
      'GET /orders/{id}',
      runtime,
      { ...base, url: runtime.info.apiUrl, method: 'GET', headers: storefront, paths },
      log,
    );
    const post = await phase(
      'POST /orders',
      runtime,
      { ...base, url: runtime.info.apiUrl, method: 'POST', headers: storefront, paths: ['/orders'], bodies },
      log,
    );
    const figures = {
      p99Ratio: get.load.p99 / bareGet.load.p99,
      postP99Ratio: post.load.p99 / bareGet.load.p99,
      getP50Ms: get.load.p50,
      getP99Ms: get.load.p99,
      postP50Ms: post.load.p50,
      postP99Ms: post.load.p99,
      bareP50Ms: bareGet.load.p50,
      bareP99Ms: bareGet.load.p99,
      getRps: get.load.requestsPerSecond,
      postRps: post.load.requestsPerSecond,
      bareRps: bareGet.load.requestsPerSecond,
    };
    return { figures, phases: [bareGet, get, post] };
  } finally {
    // The orders POST placed are still running their workflows: let them reach their first wait.
    log('  letting the placed orders reach their first wait…');
    await bench.settle();
    api.close();
    await bare.close();
    await bench.stop();
  }
}

if (require.main === module) {
  process.stdout.write('API latency: autocannon against the API and against a bare GetItem server\n');
  benchLatency()
    .then(({ figures }) => {
      console.table(
        Object.entries(figures).map(([figure, value]) => ({
          figure: `api.${figure}`,
          value: Math.round(value * 100) / 100,
        })),
      );
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
