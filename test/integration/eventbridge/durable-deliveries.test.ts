import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { JournalLine } from '../../../infra/local/eventbridge/delivery-journal';
import {
  type EventBridgeEvent,
  type LocalEventBridge,
  type LocalRule,
  startLocalEventBridge,
} from '../../../infra/local/eventbridge/eventbridge-server';

/**
 * The local EventBridge with a data folder, through the real SDK client: deliveries accepted but not
 * made when it stops (failing, waiting for a retry, or still running) are made by the next server on
 * the same folder, once; an event that grew too old meanwhile, and dead letters, survive as dead letters.
 */
const region = 'us-east-1';
const accountId = '000000000000';
const bus = 'tradeflow';

const rules: LocalRule[] = [
  {
    name: 'order-confirmed',
    eventBusName: bus,
    pattern: { source: ['tradeflow.orders'] },
    targets: [{ id: 'notify-buyer', retryAttempts: 185, maximumEventAgeSeconds: 86_400 }],
  },
  {
    name: 'slow-target',
    eventBusName: bus,
    pattern: { source: ['tradeflow.slow'] },
    targets: [{ id: 'slow', retryAttempts: 185, maximumEventAgeSeconds: 86_400 }],
  },
  {
    name: 'short-lived',
    eventBusName: bus,
    pattern: { source: ['tradeflow.short-lived'] },
    targets: [{ id: 'short-lived', retryAttempts: 185, maximumEventAgeSeconds: 60 }],
  },
  {
    name: 'broken-target',
    eventBusName: bus,
    pattern: { source: ['tradeflow.broken'] },
    targets: [{ id: 'always-fails', retryAttempts: 0, maximumEventAgeSeconds: 60 }],
  },
];

interface Delivery {
  targetId: string;
  event: EventBridgeEvent;
}

type Deliver = (targetId: string, event: EventBridgeEvent) => Promise<void>;

let dataDir: string;
const servers: LocalEventBridge[] = [];
const clients: EventBridgeClient[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'eventbridge-durable-'));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(deliver: Deliver, timeScale: number, withRules = rules): Promise<LocalEventBridge> {
  const server = await startLocalEventBridge({
    host: '127.0.0.1',
    port: 0,
    region,
    accountId,
    buses: [bus],
    rules: withRules,
    deliver,
    timeScale,
    dataDir,
  });
  servers.push(server);
  return server;
}

/** A deliver that records what reaches it. */
function recording(): { deliver: Deliver; deliveries: Delivery[] } {
  const deliveries: Delivery[] = [];
  return {
    deliveries,
    deliver: async (targetId, event) => {
      deliveries.push({ targetId, event });
    },
  };
}

const targetDown: Deliver = async () => {
  throw new Error('target is down');
};

async function put(server: LocalEventBridge, entries: PutEventsRequestEntry[]): Promise<string[]> {
  const client = new EventBridgeClient({
    endpoint: server.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  clients.push(client);
  const answer = await client.send(new PutEventsCommand({ Entries: entries }));
  expect(answer.FailedEntryCount).toBe(0);
  return answer.Entries?.map((entry) => entry.EventId as string) ?? [];
}

function entry(source: string, orderId: string): PutEventsRequestEntry {
  return {
    EventBusName: bus,
    Source: source,
    DetailType: 'OrderConfirmed',
    Detail: JSON.stringify({ version: 1, orderId }),
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const journalLines = (): JournalLine[] =>
  readFileSync(join(dataDir, 'deliveries.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JournalLine);

describe('the local EventBridge with a data folder', () => {
  it('journals an event before PutEvents answers', async () => {
    // Prepare
    const attempts: (() => void)[] = [];
    const server = await start(() => new Promise<void>((resolve) => attempts.push(resolve)), 1);

    // Act
    const [eventId] = await put(server, [entry('tradeflow.orders', 'ord_1')]);
    const linesAtAnswer = journalLines();
    await until(() => attempts.length === 1, 'the first attempt');
    attempts[0]();
    await server.idle();

    // Assess
    expect(linesAtAnswer).toEqual([
      expect.objectContaining({
        kind: 'accepted',
        eventBusName: bus,
        event: expect.objectContaining({ id: eventId, detail: { version: 1, orderId: 'ord_1' } }),
        deliveries: [
          expect.objectContaining({ rule: 'order-confirmed', targetId: 'notify-buyer', attempts: 0 }),
        ],
      }),
    ]);
    expect(journalLines().map((line) => line.kind)).toEqual(['accepted', 'delivered']);
  });

  it('delivers, exactly once, after a restart what the stopped server had not: retries pending and attempts running', async () => {
    // Prepare: a target that is down (each event waits for a retry) and one that never answers
    let slowCalls = 0;
    const slowAttempts: ((error: Error) => void)[] = [];
    const first = await start(async (targetId, event) => {
      if (targetId === 'slow') {
        slowCalls++;
        return new Promise<void>((_resolve, reject) => slowAttempts.push(reject));
      }
      return targetDown(targetId, event);
    }, 10);
    const failing = await put(first, [
      entry('tradeflow.orders', 'ord_1'),
      entry('tradeflow.orders', 'ord_2'),
      entry('tradeflow.orders', 'ord_3'),
    ]);
    const [running] = await put(first, [entry('tradeflow.slow', 'ord_4')]);
    await until(() => first.counts().failedAttempts >= 3 && slowCalls === 1, 'first attempts');

    // Act: stop (the running attempt then fails, as a function stopped with the server would), start again
    await first.close();
    for (const reject of slowAttempts) reject(new Error('function stopped'));
    const { deliver, deliveries } = recording();
    const second = await start(deliver, 10_000);
    await second.idle();

    // Assess
    const delivered = deliveries.map((delivery) => [delivery.targetId, delivery.event.id]);
    expect(delivered.sort()).toEqual(
      [...failing.map((id) => ['notify-buyer', id]), ['slow', running]].sort(),
    );
    expect(first.counts().failedAttempts).toBe(3);
    const resumed = second.putEvents();
    expect(resumed.map((record) => record.id).sort()).toEqual([...failing, running].sort());
    for (const record of resumed) {
      const [route] = record.routes;
      expect(route.status).toBe('delivered');
      // the failed first attempt is counted; the one running at close is not
      expect(route.attempts).toBeGreaterThanOrEqual(record.id === running ? 1 : 2);
      if (record.id === running) expect(route.attempts).toBe(1);
    }
    expect(second.deadLetters()).toEqual([]);

    // Act 2: a third server on the same folder has nothing left to do
    await second.close();
    const again = recording();
    const third = await start(again.deliver, 10_000);
    await third.idle();

    // Assess 2
    expect(again.deliveries).toEqual([]);
    expect(third.putEvents()).toEqual([]);
    expect(journalLines()).toEqual([]);
  });

  it('dead-letters, at the restart, an event that grew older than its target allows while stopped', async () => {
    // Prepare
    const first = await start(targetDown, 10);
    const [eventId] = await put(first, [entry('tradeflow.short-lived', 'ord_5')]);
    await until(() => first.counts().failedAttempts >= 1, 'the first attempt');
    await first.close();
    await new Promise((resolve) => setTimeout(resolve, 20)); // 20 ms at 10,000× is over a minute

    // Act
    const { deliver, deliveries } = recording();
    const second = await start(deliver, 10_000);
    await second.idle();

    // Assess
    expect(deliveries).toEqual([]);
    expect(second.deadLetters()).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ id: eventId }),
        rule: 'short-lived',
        targetId: 'short-lived',
        lastError: 'Error: target is down',
        exhaustedRetryCondition: 'MaximumEventAgeInSeconds',
      }),
    ]);
    expect(second.deadLetters()[0].attempts).toBeGreaterThanOrEqual(1);
  });

  it('keeps dead letters across restarts', async () => {
    // Prepare
    const first = await start(targetDown, 10_000);
    const [eventId] = await put(first, [entry('tradeflow.broken', 'ord_6')]);
    await first.idle();
    const deadLetters = first.deadLetters();
    await first.close();

    // Act
    const second = await start(recording().deliver, 10_000);
    const afterOne = second.deadLetters();
    await second.close();
    const third = await start(recording().deliver, 10_000);

    // Assess
    expect(deadLetters).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ id: eventId }),
        attempts: 1,
        lastError: 'Error: target is down',
        exhaustedRetryCondition: 'MaximumRetryAttempts',
      }),
    ]);
    expect(afterOne).toEqual(deadLetters);
    expect(third.deadLetters()).toEqual(deadLetters);
    expect(journalLines()).toEqual([{ kind: 'dead-lettered', deadLetter: deadLetters[0] }]);
  });

  it('dead-letters a pending delivery whose rule is gone from the topology at the restart', async () => {
    // Prepare
    const first = await start(targetDown, 10);
    const [eventId] = await put(first, [entry('tradeflow.orders', 'ord_7')]);
    await until(() => first.counts().failedAttempts >= 1, 'the first attempt');
    await first.close();

    // Act
    const { deliver, deliveries } = recording();
    const second = await start(
      deliver,
      10_000,
      rules.filter((rule) => rule.name !== 'order-confirmed'),
    );
    await second.idle();

    // Assess
    expect(deliveries).toEqual([]);
    const [deadLetter] = second.deadLetters();
    expect(deadLetter).toMatchObject({
      event: expect.objectContaining({ id: eventId }),
      rule: 'order-confirmed',
      lastError: expect.stringContaining('ResourceNotFoundException'),
    });
    expect(deadLetter).not.toHaveProperty('exhaustedRetryCondition');
  });
});
