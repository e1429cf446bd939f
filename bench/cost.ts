import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { localClientConfig, localNames } from '../infra/local/local-aws';
import { type LocalRuntime, startLocalRuntime } from '../infra/local/runtime';
import { topology } from '../infra/topology';
import { type InvocationRecord, type Recorder, startRecorder } from './cost/recorder';
import { countS3Requests, S3_PRICES, type S3RequestCounts } from './cost/s3-requests';
import { withServerCapture } from './support/dynamo-recorder';

/**
 * Benchmark 3, AWS cost per order: one full export order (TT 30/70, stock on hand, packing, balance,
 * shipment, two tracking updates, delivery) driven over HTTP on a fresh embedded runtime, with every
 * billable unit it causes counted and priced at the us-east-1 list prices of the issue.
 */

/** us-east-1 list prices (issue 4), in USD per unit. */
export const PRICES = {
  transition: 0.025 / 1000,
  lambdaRequest: 0.2 / 1e6,
  /** arm64. */
  gbSecond: 0.0000133334,
  writeUnit: 0.625 / 1e6,
  readUnit: 0.125 / 1e6,
  event: 1 / 1e6,
  email: 0.1 / 1000,
  restRequest: 3.5 / 1e6,
} as const;

/** Not in the issue's list, shown beside it: CloudWatch Logs ingestion per GB. */
const LOGS_PER_GB = 0.5;

export const COST_TARGETS = { transitions: 40, usdPerOrder: 0.0015 } as const;

export interface CostFigures {
  usdPerOrder: number;
  transitionsPerOrder: number;
  lambdaRequestsPerOrder: number;
  lambdaGbSecondsPerOrder: number;
  writeUnitsPerOrder: number;
  readUnitsPerOrder: number;
  eventsPerOrder: number;
  emailsPerOrder: number;
  apiRequestsPerOrder: number;
  usdStepFunctions: number;
  usdLambda: number;
  usdDynamoDB: number;
  usdEventBridge: number;
  usdSes: number;
  usdApiGateway: number;
  sesSharePct: number;
  /** Outside the issue's list: CloudWatch Logs ingestion of what the functions logged. */
  usdLogsOutsideList: number;
  /** Outside the issue's list: S3 requests (the trade documents), by S3's request classes. */
  s3RequestsPerOrder: number;
  usdS3OutsideList: number;
}

type Api = <T = Record<string, unknown>>(
  method: string,
  path: string,
  as: string,
  body?: unknown,
) => Promise<T>;

function apiClient(runtime: LocalRuntime, counter: { requests: number }): Api {
  const { apiUrl, apiKey, staffTokens } = runtime.info;
  return async <T>(method: string, path: string, as: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as === 'storefront') headers['x-api-key'] = apiKey;
    else headers.authorization = `Bearer ${staffTokens[as as keyof typeof staffTokens]}`;
    counter.requests++;
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Phase {
  name: string;
  transitions: number;
  apiRequests: number;
}

interface Snapshot {
  apiRequests: number;
  transitions: number;
  dynamoRequests: number;
  emailsInStore: number;
  putEvents: number;
  logBytes: number;
  s3: S3RequestCounts;
  invocations: Record<string, number>;
}

interface OrderRun {
  phases: Phase[];
  orderId: string;
  recorder: Recorder;
  runtime: LocalRuntime;
  start: Snapshot;
  end: Snapshot;
  /** API requests the driver sent during the order, and its own status reads straight from dynalite. */
  driverRequests: number;
  statusReads: number;
  auxiliaryDynamoRequests: number;
}

/**
 * Starts a fresh runtime (temporary data folder, free ports), sets up a product, its stock and a
 * customer (not counted), optionally drives a warm-up order (not counted), then drives the order one
 * step at a time, waiting after each until the system is idle, so everything each step causes is
 * tagged with it.
 * `inspect` runs with the runtime still up; everything is torn down after.
 */
async function withOrder<T>(
  options: { proxies: boolean; warmUpOrder: boolean },
  inspect: (run: OrderRun) => Promise<T> | T,
): Promise<T> {
  const { runtime, dataDir, servers } = await bootRuntime();
  const s3Requests = countS3Requests(servers, runtime.info.endpoints.s3);
  const recorder = await startRecorder(runtime, topology, { proxies: options.proxies });
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient(localClientConfig(runtime.info.endpoints.dynamodb)),
  );
  try {
    const driver = { requests: 0, statusReads: 0 };
    const api = apiClient(runtime, driver);

    // Setup (not counted): a product with stock, a customer.
    const sku = 'VALVE-DN50';
    await api('POST', '/products', 'procurement', {
      sku,
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
    await api('PUT', `/inventory/${sku}`, 'warehouse', { onHand: 1000, reorderPoint: 200, maxStock: 2000 });
    const { customerId } = await api<{ customerId: string }>('POST', '/customers', 'storefront', {
      name: 'Hamburg Tools GmbH',
      email: 'buyer@hamburg-tools.example',
      country: 'DE',
      currency: 'EUR',
      creditLimit: { amount: '50000', currency: 'EUR' },
    });
    await settle(runtime, recorder);

    const transitions = () => runtime.sfn.executions().reduce((sum, e) => sum + e.stateTransitions, 0);
    const snapshot = async (): Promise<Snapshot> => ({
      apiRequests: runtime.api.requestCount(),
      transitions: transitions(),
      dynamoRequests: Object.values(runtime.dynamodb.requestCounts()).reduce((a, b) => a + b, 0),
      emailsInStore: await storedRecipients(runtime),
      putEvents: runtime.eventbridge.putEvents().length,
      logBytes: logBytes(join(dataDir, 'logs')),
      s3: { ...s3Requests },
      invocations: Object.fromEntries(
        Object.entries(runtime.lambda.functionStats()).map(([name, s]) => [name, s.invocations]),
      ),
    });
    let orderId = '';
    let counted = false;
    const phases: Phase[] = [];
    const phase = async (name: string, act: () => Promise<void>) => {
      recorder.phase = counted ? name : 'warm-up order';
      const transitionsBefore = transitions();
      const apiRequests = runtime.api.requestCount();
      await act();
      await settle(runtime, recorder);
      if (!counted) return;
      phases.push({
        name,
        transitions: transitions() - transitionsBefore,
        apiRequests: runtime.api.requestCount() - apiRequests,
      });
    };
    /** Waits (reading the item straight from dynalite, not through the API) for a status and a wait. */
    const reach = async (status: string, waitState?: string) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        driver.statusReads++;
        const { Item } = await db.send(
          new GetCommand({
            TableName: localNames.table('orders'),
            Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' },
            ConsistentRead: true,
          }),
        );
        const execution = runtime.sfn.executions().find((e) => e.name === orderId);
        const waiting = waitState
          ? execution?.pendingWaits.some((wait) => wait.stateName === waitState)
          : execution?.status === 'SUCCEEDED';
        if (Item?.status === status && waiting) return;
        if (Date.now() > deadline)
          throw new Error(`order ${orderId} is ${Item?.status} (${execution?.status}), not ${status}`);
        await sleep(20);
      }
    };
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

    const driveOrder = async () => {
      await phase('place order (POST /orders)', async () => {
        ({ orderId } = await api<{ orderId: string }>('POST', '/orders', 'storefront', {
          customerId,
          currency: 'EUR',
          incoterm: { code: 'CIF', place: 'Hamburg' },
          paymentTerms: { type: 'TT', depositPercent: 30 },
          lines: [{ sku, quantity: 200, unitPrice: '12.50' }],
          shippingAddress: {
            name: 'Receiving dock',
            line1: 'Am Hafen 1',
            city: 'Hamburg',
            postalCode: '20457',
            country: 'DE',
          },
          buyerPo: 'PO-COST-1',
        }));
        await reach('AWAITING_DEPOSIT', 'WaitForDeposit');
      });
      await phase('deposit (POST /payments)', async () => {
        await api('POST', `/orders/${orderId}/payments`, 'finance', {
          amount: '750.00',
          currency: 'EUR',
          reference: 'DEP-COST-1',
        });
        await reach('IN_PRODUCTION', 'WaitForPacking');
      });
      await phase('packing (POST /packing)', async () => {
        await api('POST', `/orders/${orderId}/packing`, 'warehouse', {
          packages: [
            { weightKg: 290, lengthCm: 120, widthCm: 80, heightCm: 90, lines: [{ sku, quantity: 200 }] },
          ],
        });
        await reach('AWAITING_BALANCE', 'WaitForBalance');
      });
      await phase('balance (GET order, POST /payments)', async () => {
        const { outstanding, currency } = await api<{ outstanding: string; currency: string }>(
          'GET',
          `/orders/${orderId}`,
          'finance',
        );
        await api('POST', `/orders/${orderId}/payments`, 'finance', {
          amount: outstanding,
          currency,
          reference: 'BAL-COST-1',
        });
        await reach('READY_TO_SHIP', 'WaitForShipment');
      });
      await phase('shipment (POST /shipment)', async () => {
        await api('POST', `/orders/${orderId}/shipment`, 'logistics', {
          carrier: 'Maersk',
          mode: 'SEA',
          transportDocumentNo: 'MAEUCOST1',
          trackingNumber: 'TRKCOST1',
          trackingUrl: 'https://tracking.example/TRKCOST1',
          etd: today,
          eta: inDays(30),
          portOfLoading: 'CNSHA',
          portOfDischarge: 'DEHAM',
        });
        await reach('IN_TRANSIT', 'WaitForDelivery');
      });
      await phase('tracking: departed', async () => {
        await api('POST', `/orders/${orderId}/tracking-events`, 'logistics', {
          status: 'DEPARTED',
          at: new Date().toISOString(),
          location: 'Shanghai',
        });
        await reach('IN_TRANSIT', 'WaitForDelivery');
      });
      await phase('tracking: arrived', async () => {
        await api('POST', `/orders/${orderId}/tracking-events`, 'logistics', {
          status: 'ARRIVED',
          at: new Date().toISOString(),
          location: 'Hamburg',
        });
        await reach('IN_TRANSIT', 'WaitForDelivery');
      });
      await phase('delivery (POST /delivery)', async () => {
        await api('POST', `/orders/${orderId}/delivery`, 'logistics', {
          deliveredAt: new Date().toISOString(),
          receivedBy: 'Dock 3',
        });
        await reach('COMPLETED');
      });
    };

    // A warm-up order first when timing: every sandbox then runs warm, as on a busy system, where
    // a sandbox's init and first-call work are paid once per sandbox, not once per order.
    if (options.warmUpOrder) await driveOrder();
    const start = await snapshot();
    const auxiliaryAtStart = recorder.auxiliaryDynamoRequests;
    const driverAtStart = driver.requests;
    const statusReadsAtStart = driver.statusReads;
    counted = true;
    await driveOrder();
    recorder.phase = 'after';
    const end = await snapshot();
    return await inspect({
      phases,
      orderId,
      recorder,
      runtime,
      start,
      end,
      driverRequests: driver.requests - driverAtStart,
      statusReads: driver.statusReads - statusReadsAtStart,
      auxiliaryDynamoRequests: recorder.auxiliaryDynamoRequests - auxiliaryAtStart,
    });
  } finally {
    db.destroy();
    await runtime.close();
    await recorder.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Two fresh runtimes: on the first, a warm-up order and then the order, timed by the invocation timer
 * only (the durations: warm sandboxes, no proxies in the way); on the second, the order as the first
 * order of a new system, with every function's DynamoDB, EventBridge and SES calls going through the
 * recording proxies (the units). Prints the breakdown through `print`.
 */
export async function benchCost(
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<CostFigures> {
  const timing = await withOrder({ proxies: false, warmUpOrder: true }, (run) => ({
    invocations: run.recorder.invocations,
    phases: run.phases,
  }));
  return withOrder({ proxies: true, warmUpOrder: false }, (run) => {
    const { phases, recorder, start, end } = run;
    const report = price(run, timing.invocations);
    const logsUsd = ((end.logBytes - start.logBytes) / 1024 ** 3) * LOGS_PER_GB;
    const s3 = {
      classA: end.s3.classA - start.s3.classA,
      classB: end.s3.classB - start.s3.classB,
    };
    const s3Usd = s3.classA * S3_PRICES.classA + s3.classB * S3_PRICES.classB;

    // Reconcile the recorder with the runtime's own counters: any gap means something was missed.
    const names = new Set(phases.map((p) => p.name));
    const inOrder = <R extends { phase: string }>(records: R[]) => records.filter((r) => names.has(r.phase));
    const checks: [string, number, number][] = [
      ['API requests', run.driverRequests, end.apiRequests - start.apiRequests],
      [
        'Lambda invocations',
        inOrder(recorder.invocations).length,
        Object.entries(end.invocations).reduce(
          (sum, [name, n]) => sum + n - (start.invocations[name] ?? 0),
          0,
        ),
      ],
      [
        'DynamoDB requests',
        inOrder(recorder.dynamodb).length + run.auxiliaryDynamoRequests + run.statusReads,
        end.dynamoRequests - start.dynamoRequests,
      ],
      ['emails (recipients)', report.units.emails, end.emailsInStore - start.emailsInStore],
      ['EventBridge entries', inOrder(recorder.events).length, end.putEvents - start.putEvents],
      ['state transitions', report.units.transitions, end.transitions - start.transitions],
      ['invocations (timed run)', inOrder(timing.invocations).length, inOrder(recorder.invocations).length],
    ];
    printReport(print, report, phases, logsUsd, end.logBytes - start.logBytes);
    print(
      `  outside the list: S3, ${s3.classA} PUT/LIST and ${s3.classB} GET requests (the trade documents) ≈ ${money(s3Usd)}; ` +
        `with it and the logs, ${money(report.total + s3Usd + logsUsd)} per order`,
    );
    print('\nReconciled with the runtime’s own counters (recorded / counted):');
    for (const [what, recorded, counted] of checks)
      print(`  ${what.padEnd(24)} ${recorded} / ${counted}${recorded === counted ? '' : '   <-- differs'}`);

    return {
      usdPerOrder: report.total,
      transitionsPerOrder: report.units.transitions,
      lambdaRequestsPerOrder: report.units.lambdaRequests,
      lambdaGbSecondsPerOrder: report.units.gbSeconds,
      writeUnitsPerOrder: report.units.writeUnits,
      readUnitsPerOrder: report.units.readUnits,
      eventsPerOrder: report.units.events,
      emailsPerOrder: report.units.emails,
      apiRequestsPerOrder: report.units.apiRequests,
      usdStepFunctions: report.usd.stepFunctions,
      usdLambda: report.usd.lambdaRequests + report.usd.lambdaCompute,
      usdDynamoDB: report.usd.dynamoWrites + report.usd.dynamoReads,
      usdEventBridge: report.usd.eventBridge,
      usdSes: report.usd.ses,
      usdApiGateway: report.usd.apiGateway,
      sesSharePct: (report.usd.ses / report.total) * 100,
      usdLogsOutsideList: logsUsd,
      s3RequestsPerOrder: s3.classA + s3.classB,
      usdS3OutsideList: s3Usd,
    };
  });
}

/**
 * A fresh runtime on a temporary data folder and free ports. A boot on a busy machine has been seen
 * to fail with ResourceNotFoundException while seeding credentials (the tables dynalite has just
 * created not yet usable): one retry on a new folder, said out loud.
 */
async function bootRuntime(): Promise<{ runtime: LocalRuntime; dataDir: string; servers: Server[] }> {
  for (let attempt = 1; ; attempt++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-cost-'));
    try {
      const { value: runtime, servers } = await withServerCapture(() =>
        startLocalRuntime({ host: '127.0.0.1', port: 0, dataDir, timeScale: 1 }),
      );
      return { runtime, dataDir, servers };
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      if (attempt >= 2) throw error;
      process.stderr.write(`cost: the runtime failed to boot (${(error as Error).name}); retrying once\n`);
    }
  }
}

/** Until no execution has live work, no event delivery is pending, and nothing new was recorded. */
async function settle(runtime: LocalRuntime, recorder: Recorder): Promise<void> {
  for (;;) {
    const seen = recorder.invocations.length + recorder.dynamodb.length + recorder.events.length;
    await runtime.sfn.idle();
    await runtime.idle();
    await sleep(50);
    if (seen === recorder.invocations.length + recorder.dynamodb.length + recorder.events.length) return;
  }
}

async function storedRecipients(runtime: LocalRuntime): Promise<number> {
  const response = await fetch(`${runtime.info.sesUrl}/store`);
  const { emails } = (await response.json()) as {
    emails: { destination: { to?: string[]; cc?: string[]; bcc?: string[] } }[];
  };
  return emails.reduce(
    (sum, mail) =>
      sum +
      (mail.destination.to?.length ?? 0) +
      (mail.destination.cc?.length ?? 0) +
      (mail.destination.bcc?.length ?? 0),
    0,
  );
}

function logBytes(dir: string): number {
  try {
    return readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  } catch {
    return 0;
  }
}

interface Line {
  transitions: number;
  apiRequests: number;
  lambdaRequests: number;
  gbSeconds: number;
  billedMs: number;
  writeUnits: number;
  readUnits: number;
  events: number;
  emails: number;
}

const emptyLine = (): Line => ({
  transitions: 0,
  apiRequests: 0,
  lambdaRequests: 0,
  gbSeconds: 0,
  billedMs: 0,
  writeUnits: 0,
  readUnits: 0,
  events: 0,
  emails: 0,
});

function usdOf(line: Line) {
  return {
    stepFunctions: line.transitions * PRICES.transition,
    apiGateway: line.apiRequests * PRICES.restRequest,
    lambdaRequests: line.lambdaRequests * PRICES.lambdaRequest,
    lambdaCompute: line.gbSeconds * PRICES.gbSecond,
    dynamoWrites: line.writeUnits * PRICES.writeUnit,
    dynamoReads: line.readUnits * PRICES.readUnit,
    eventBridge: line.events * PRICES.event,
    ses: line.emails * PRICES.email,
  };
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

interface Report {
  units: Line;
  usd: ReturnType<typeof usdOf>;
  total: number;
  byPhase: Map<string, Line>;
  byFunction: Map<string, Line & { triggers: Map<string, number> }>;
  byState: Map<string, { entered: number }>;
  retries: number;
  writesByTarget: Map<string, number>;
  writesByTable: Map<string, { writes: number; conditionFailed: number; minBytes: number; maxBytes: number }>;
  emailsByRecipient: Map<string, string[]>;
}

function price(run: OrderRun, timed: InvocationRecord[]): Report {
  const { recorder, phases, runtime, orderId } = run;
  const names = new Set(phases.map((p) => p.name));
  const memory = new Map(runtime.lambda.list().map((fn) => [fn.name, fn.memoryMb]));
  const byPhase = new Map<string, Line>(phases.map((p) => [p.name, emptyLine()]));
  const byFunction: Report['byFunction'] = new Map();
  const fnLine = (fn: string) => {
    const line = byFunction.get(fn) ?? { ...emptyLine(), triggers: new Map<string, number>() };
    byFunction.set(fn, line);
    return line;
  };
  const writesByTarget = new Map<string, number>();
  const writesByTable: Report['writesByTable'] = new Map();
  const emailsByRecipient = new Map<string, string[]>();
  const add = (key: string, n: number) => writesByTarget.set(key, (writesByTarget.get(key) ?? 0) + n);

  for (const p of phases) {
    const line = byPhase.get(p.name)!;
    line.transitions = p.transitions;
    line.apiRequests = p.apiRequests;
  }
  for (const inv of recorder.invocations) {
    if (!names.has(inv.phase)) continue;
    for (const line of [byPhase.get(inv.phase)!, fnLine(inv.fn)]) line.lambdaRequests++;
    const triggers = fnLine(inv.fn).triggers;
    triggers.set(inv.trigger, (triggers.get(inv.trigger) ?? 0) + 1);
  }
  // Durations from the run without proxies; Lambda bills each rounded up to the next millisecond.
  for (const inv of timed) {
    if (!names.has(inv.phase)) continue;
    const billedMs = Math.max(1, Math.ceil(inv.ms));
    const gbSeconds = (memory.get(inv.fn)! / 1024) * (billedMs / 1000);
    for (const line of [byPhase.get(inv.phase)!, fnLine(inv.fn)]) {
      line.billedMs += billedMs;
      line.gbSeconds += gbSeconds;
    }
  }
  for (const request of recorder.dynamodb) {
    if (!names.has(request.phase)) continue;
    const written = request.write ? request.write.table + sum(request.write.indexes) : 0;
    for (const line of [byPhase.get(request.phase)!, fnLine(request.fn)]) {
      line.writeUnits += written;
      line.readUnits += request.readUnits;
    }
    if (request.write) {
      const w = writesByTable.get(request.table) ?? {
        writes: 0,
        conditionFailed: 0,
        minBytes: Number.POSITIVE_INFINITY,
        maxBytes: 0,
      };
      w.writes++;
      if (request.conditionFailed) w.conditionFailed++;
      w.minBytes = Math.min(w.minBytes, request.itemBytes ?? 0);
      w.maxBytes = Math.max(w.maxBytes, request.itemBytes ?? 0);
      writesByTable.set(request.table, w);
      add(`${request.table} (table)`, request.write.table);
      for (const [index, n] of Object.entries(request.write.indexes)) add(`${request.table} GSI ${index}`, n);
    }
  }
  for (const event of recorder.events) {
    if (!names.has(event.phase)) continue;
    for (const line of [byPhase.get(event.phase)!, fnLine(event.fn)]) line.events += event.billed;
  }
  for (const email of recorder.emails) {
    if (!names.has(email.phase)) continue;
    for (const line of [byPhase.get(email.phase)!, fnLine(email.fn)]) line.emails += email.recipients.length;
    for (const to of email.recipients)
      emailsByRecipient.set(to, [...(emailsByRecipient.get(to) ?? []), email.subject]);
  }

  // State transitions per state, from the execution's history (entered states); retries are the rest.
  const execution = runtime.sfn.executions().find((e) => e.name === orderId)!;
  const byState = new Map<string, { entered: number }>();
  for (const event of runtime.sfn.history(execution.executionArn)) {
    const name = event.stateEnteredEventDetails?.name;
    if (!name) continue;
    byState.set(name, { entered: (byState.get(name)?.entered ?? 0) + 1 });
  }
  const entered = [...byState.values()].reduce((a, s) => a + s.entered, 0);

  const units = emptyLine();
  for (const line of byPhase.values())
    for (const key of Object.keys(units) as (keyof Line)[]) units[key] += line[key];
  const usd = usdOf(units);
  return {
    units,
    usd,
    total: sum(usd),
    byPhase,
    byFunction,
    byState,
    retries: execution.stateTransitions - entered,
    writesByTarget,
    writesByTable,
    emailsByRecipient,
  };
}

const money = (usd: number) => `$${usd.toFixed(6)}`;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

function printReport(
  print: (line: string) => void,
  report: Report,
  phases: Phase[],
  logsUsd: number,
  logBytesWritten: number,
): void {
  const { units, usd, total } = report;
  print('\nAWS cost of one full export order (us-east-1 list prices)');
  const services: [string, string, number][] = [
    ['Step Functions', `${units.transitions} state transitions`, usd.stepFunctions],
    ['Lambda requests', `${units.lambdaRequests} invocations`, usd.lambdaRequests],
    [
      'Lambda compute',
      `${units.gbSeconds.toFixed(3)} GB-s (${units.billedMs} ms billed, arm64)`,
      usd.lambdaCompute,
    ],
    ['DynamoDB writes', `${units.writeUnits} write units (GSI writes included)`, usd.dynamoWrites],
    ['DynamoDB reads', `${units.readUnits} read units`, usd.dynamoReads],
    ['EventBridge', `${units.events} events (64 KB chunks)`, usd.eventBridge],
    ['SES', `${units.emails} emails (recipients)`, usd.ses],
    ['API Gateway REST', `${units.apiRequests} requests`, usd.apiGateway],
  ];
  for (const [service, what, cost] of services)
    print(
      `  ${service.padEnd(18)} ${what.padEnd(46)} ${money(cost).padStart(10)}  ${pct(cost, total).padStart(6)}`,
    );
  print(`  ${'total'.padEnd(18)} ${''.padEnd(46)} ${money(total).padStart(10)}`);
  print(
    `  targets: <= ${COST_TARGETS.transitions} transitions: ${units.transitions <= COST_TARGETS.transitions ? 'met' : 'NOT met'}; ` +
      `<= $${COST_TARGETS.usdPerOrder} per order: ${total <= COST_TARGETS.usdPerOrder ? 'met' : 'NOT met'}`,
  );
  print(
    `  outside the list: CloudWatch Logs ingestion of ${(logBytesWritten / 1024).toFixed(1)} KB logged ≈ ${money(logsUsd)}`,
  );

  print('\nBy step of the order (everything that ran until the system was idle again):');
  print(
    `  ${'step'.padEnd(38)} ${'API'.padStart(4)} ${'trans'.padStart(5)} ${'λ'.padStart(4)} ${'WCU'.padStart(5)} ${'RCU'.padStart(6)} ${'evts'.padStart(5)} ${'mail'.padStart(5)} ${'cost'.padStart(10)} ${'of which mail'.padStart(14)}`,
  );
  for (const p of phases) {
    const line = report.byPhase.get(p.name)!;
    const cost = sum(usdOf(line));
    print(
      `  ${p.name.padEnd(38)} ${String(line.apiRequests).padStart(4)} ${String(line.transitions).padStart(5)} ${String(line.lambdaRequests).padStart(4)} ${String(line.writeUnits).padStart(5)} ${String(line.readUnits).padStart(6)} ${String(line.events).padStart(5)} ${String(line.emails).padStart(5)} ${money(cost).padStart(10)} ${money(usdOf(line).ses).padStart(14)}`,
    );
  }

  print('\nBy function (its own invocations, and the units its calls caused):');
  print(
    `  ${'function'.padEnd(22)} ${'inv'.padStart(4)} ${'ms'.padStart(6)} ${'WCU'.padStart(5)} ${'RCU'.padStart(6)} ${'evts'.padStart(5)} ${'mail'.padStart(5)} ${'cost'.padStart(10)}  triggered by`,
  );
  const functions = [...report.byFunction.entries()].sort((a, b) => sum(usdOf(b[1])) - sum(usdOf(a[1])));
  for (const [fn, line] of functions) {
    const triggers = [...line.triggers.entries()].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ');
    print(
      `  ${fn.padEnd(22)} ${String(line.lambdaRequests).padStart(4)} ${String(line.billedMs).padStart(6)} ${String(line.writeUnits).padStart(5)} ${String(line.readUnits).padStart(6)} ${String(line.events).padStart(5)} ${String(line.emails).padStart(5)} ${money(sum(usdOf(line))).padStart(10)}  ${triggers}`,
    );
  }

  print('\nDynamoDB write units by table and index:');
  for (const [target, n] of [...report.writesByTarget.entries()].sort((a, b) => b[1] - a[1]))
    print(`  ${target.padEnd(40)} ${String(n).padStart(4)}`);
  for (const [table, w] of report.writesByTable) {
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    print(
      `  ${table}: ${w.writes} writes (${w.conditionFailed} failed their condition), item ${kb(w.minBytes)}–${kb(w.maxBytes)} KB`,
    );
  }

  print('\nEmails by recipient (subjects):');
  for (const [to, subjects] of [...report.emailsByRecipient.entries()].sort(
    (a, b) => b[1].length - a[1].length,
  )) {
    print(
      `  ${to.padEnd(36)} ${String(subjects.length).padStart(3)}  ${money(subjects.length * PRICES.email)}`,
    );
    for (const subject of subjects) print(`      ${subject}`);
  }

  print(`\nState transitions by state (${units.transitions} in all, of which ${report.retries} retries):`);
  print(
    `  ${[...report.byState.entries()].map(([state, s]) => (s.entered > 1 ? `${state} ×${s.entered}` : state)).join(' → ')}`,
  );
}

if (require.main === module) {
  benchCost()
    .then((figures) => console.table(figures))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
