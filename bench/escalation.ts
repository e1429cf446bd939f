import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTables, startLocalDynamoDB } from '../infra/local/dynamodb/local-dynamodb';
import { localClientConfig } from '../infra/local/local-aws';
import { topology } from '../infra/topology';
import { makeDynamoEscalationSettings } from '../shared/adapters/dynamodb-escalation-settings';
import { makeDynamoOnceLog } from '../shared/adapters/dynamodb-once-log';
import { makeDynamoOpenWaitIndex } from '../shared/adapters/dynamodb-open-waits';
import { makeDynamoOrderRepository } from '../shared/adapters/dynamodb-orders';
import { openWaitKeys } from '../shared/adapters/open-wait-keys';
import { newOrder, type Order } from '../shared/domain/order';
import { summarize } from '../shared/domain/order-summary';
import { paymentSchedule } from '../shared/domain/payment-schedule';
import type { EventPublisher } from '../shared/ports/events';
import { makeEscalateOverdueWaits } from '../shared/use-cases/escalate-overdue-waits';

/**
 * The escalation sweep's cost against the number of orders: 100 overdue waits among 1,000 orders and
 * among 100,000, on one dynalite, the real adapters and use case (only the event bus is a counter).
 * The 100 overdue are whole orders (~5 KB, as stored); the others are small items that stand for the
 * rest of the table (half with a wait due later, in the index; half with none): the sweep must never
 * read them, so their size does not matter, and small ones seed 100,000 in well under a minute.
 * Each run re-seeds the 100 (a new wait start, so new once-log keys) and times one sweep.
 */
const OVERDUE = 100;
const RUNS = 5;
const BATCH = 25;
const PARALLEL = 8;

export async function benchEscalation(): Promise<{ scaleRatio: number; [figure: string]: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tradeflow-bench-escalation-'));
  const dynamo = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dir });
  try {
    const sizes = [1_000, 100_000];
    const tables = sizes.map((n) => ({ spec: topology.tables.orders, physicalName: `orders-${n}` }));
    await ensureTables(dynamo.url, [...tables, { spec: topology.tables.settings, physicalName: 'settings' }]);
    const db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(dynamo.url)), {
      marshallOptions: { removeUndefinedValues: true },
    });
    const figures: Record<string, number> = {};
    for (const n of sizes) {
      const started = performance.now();
      await seedFillers(db, `orders-${n}`, n - OVERDUE);
      const seconds = (performance.now() - started) / 1000;
      figures[`seed${n}Seconds`] = round(seconds);
      process.stdout.write(`  seeded ${n} orders in ${seconds.toFixed(1)} s\n`);
    }
    const times: Record<number, number[]> = { 1000: [], 100000: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const n of sizes) {
        const table = `orders-${n}`;
        await seedOverdue(db, table, run);
        let published = 0;
        const events: EventPublisher = {
          publish: async (list) => {
            published += list.length;
          },
        };
        const sweep = makeEscalateOverdueWaits({
          orders: makeDynamoOrderRepository(db, table),
          openWaits: makeDynamoOpenWaitIndex(db, table),
          settings: makeDynamoEscalationSettings(db, 'settings'),
          events,
          once: makeDynamoOnceLog(db, table, () => new Date()),
          clock: { now: () => new Date() },
        });
        const t0 = performance.now();
        const result = await sweep();
        times[n].push(performance.now() - t0);
        if (result.overdue !== OVERDUE || published !== OVERDUE) {
          throw new Error(`sweep of ${n}: ${JSON.stringify(result)}, ${published} published`);
        }
      }
    }
    const m1 = median(times[1_000]);
    const m100 = median(times[100_000]);
    const scaleRatio = round(m100 / m1);
    process.stdout.write(
      `  sweep of ${OVERDUE} overdue: ${m1.toFixed(0)} ms among 1,000 orders, ${m100.toFixed(0)} ms among ` +
        `100,000 (medians of ${RUNS}); ratio ${scaleRatio} (target <= 1.3)\n`,
    );
    return { scaleRatio, sweep1kMs: round(m1), sweep100kMs: round(m100), overdue: OVERDUE, ...figures };
  } finally {
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Small order items: every other one waits with a due time a year out (in the index, never due). */
async function seedFillers(db: DynamoDBDocumentClient, table: string, count: number): Promise<void> {
  const later = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const item = (i: number) => {
    const orderId = `ord_fill_${String(i).padStart(7, '0')}`;
    const wait =
      i % 2 === 0 ? { pendingWait: { kind: 'shipment', token: 't', since: later, dueAt: later } } : {};
    return {
      pk: `ORDER#${orderId}`,
      sk: 'ORDER',
      orderId,
      status: i % 2 === 0 ? 'READY_TO_SHIP' : 'COMPLETED',
      updatedAt: later,
      ...wait,
      ...openWaitKeys({ orderId, ...wait } as unknown as Order),
    };
  };
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < count; i += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => item(i + k)));
  }
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      await writeBatch(db, table, batch);
      done += batch.length;
      if (count >= 10_000 && done % 10_000 < BATCH) process.stdout.write(`  ${table}: ${done}/${count}\n`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function writeBatch(db: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  while (requests.length) {
    const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
  }
}

/** The 100 whole orders whose deposit wait is past its level-1 step (a new wait start each run). */
async function seedOverdue(db: DynamoDBDocumentClient, table: string, run: number): Promise<void> {
  const since = new Date(Date.now() - 4 * 86_400_000 - run * 1000).toISOString();
  const due = new Date(Date.now() - 86_400_000).toISOString();
  const items = Array.from({ length: OVERDUE }, (_, i) => {
    const base = newOrder({
      orderId: `ord_overdue_${String(i).padStart(4, '0')}`,
      customerId: 'cus_bench',
      placedBy: { kind: 'storefront', id: 'sf_bench' },
      currency: 'EUR',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      paymentTerms: { type: 'TT', depositPercent: 30 },
      lines: Array.from({ length: 12 }, (_, k) => ({
        sku: `SKU-${k}`,
        quantity: 10 + k,
        unitPrice: '12.50',
      })),
      shippingAddress: { name: 'Hamburg Tools', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      now: since,
    });
    const order: Order = {
      ...base,
      status: 'AWAITING_DEPOSIT',
      paymentSchedule: paymentSchedule(base.paymentTerms, base.total),
      pendingWait: { kind: 'deposit', token: 't', since, dueAt: due },
    };
    return {
      pk: `ORDER#${order.orderId}`,
      sk: 'ORDER',
      ...order,
      summary: summarize(order),
      ...openWaitKeys(order),
    };
  });
  for (let i = 0; i < items.length; i += BATCH) await writeBatch(db, table, items.slice(i, i + BATCH));
}

if (require.main === module) {
  benchEscalation().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
