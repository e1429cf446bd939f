import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { busOperations, resolveBus } from './bus-operations';
import { DeliveryJournal, type JournalLine, type PendingEvent } from './delivery-journal';
import { type DeadLetter, DeliveryQueue, type LocalRuleTarget, type RouteRecord } from './delivery-queue';
import { AwsJsonError, operationOf, readJsonBody, sendError, sendJson } from './json-protocol';
import {
  type CompiledEventPattern,
  compileEventPattern,
  flattenEvent,
  matchesFlatEvent,
} from './pattern-matcher';
import { acceptEntry, type EventBridgeEvent, requestEntries } from './put-events';
import { testEventPattern } from './test-event-pattern';

/**
 * The local EventBridge: a node:http server speaking the EventBridge JSON 1.1 API (PutEvents,
 * TestEventPattern, ListRules, DescribeEventBus, ListEventBuses) for the real SDK client. PutEvents
 * answers at once; each event goes, asynchronously, to every target of every rule on its bus whose
 * pattern matches, with EventBridge's retries and a dead-letter list. Signatures are not checked.
 * With a `dataDir`, deliveries are durable: each accepted event's deliveries are journaled before
 * PutEvents answers, and those without an outcome resume at the next start (see delivery-journal.ts).
 */
export type { DeadLetter, LocalRuleTarget, RouteRecord } from './delivery-queue';
export type { EventBridgeEvent } from './put-events';

export interface LocalRule {
  name: string;
  eventBusName: string;
  pattern: Record<string, unknown>;
  targets: LocalRuleTarget[];
}

export interface LocalEventBridgeOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  region: string;
  accountId: string;
  /** Bus names that exist; `default` always exists. */
  buses: string[];
  rules: LocalRule[];
  /** Delivers an event to a target; throwing (or rejecting) is a failed attempt. */
  deliver: (targetId: string, event: EventBridgeEvent) => Promise<void>;
  /** Retries' backoff and the maximum event age run this many times faster than real time. */
  timeScale?: number;
  log?: (line: string) => void;
  /** How many PutEvents records to keep for putEvents() (oldest dropped first); default 1000. */
  historyLimit?: number;
  /**
   * A folder for the delivery journal: when given, pending deliveries and dead letters survive a
   * restart (one server per folder). Without it, they live in memory only.
   */
  dataDir?: string;
}

/** An accepted event and where it went. */
export interface PutEventRecord {
  id: string;
  time: string;
  source: string;
  detailType: string;
  eventBusName: string;
  receivedAt: string;
  event: EventBridgeEvent;
  routes: RouteRecord[];
}

export interface LocalEventBridgeCounts {
  putEvents: number;
  matched: number;
  delivered: number;
  failedAttempts: number;
  deadLettered: number;
}

export interface LocalEventBridge {
  url: string;
  port: number;
  /**
   * Stops taking requests and drops scheduled retries. With a `dataDir`, nothing more is recorded:
   * deliveries without an outcome (an attempt still running included) resume at the next start.
   */
  close(): Promise<void>;
  /** Resolves when no delivery is pending or waiting to be retried. */
  idle(): Promise<void>;
  /** This run's accepted events, and the events whose deliveries resumed at start. */
  putEvents(): PutEventRecord[];
  /** Every dead letter, those of earlier runs too when there is a `dataDir`. */
  deadLetters(): DeadLetter[];
  /** This run's counts. */
  counts(): LocalEventBridgeCounts;
  /** Failed delivery attempts by the error's name. */
  failuresByError(): Record<string, number>;
}

interface CompiledRule extends LocalRule {
  compiled: CompiledEventPattern;
}

const MAX_REQUEST_BYTES = 1024 * 1024;

export async function startLocalEventBridge(opts: LocalEventBridgeOptions): Promise<LocalEventBridge> {
  const scope = { region: opts.region, accountId: opts.accountId };
  const buses = new Set(['default', ...opts.buses]);
  const rules = compileRules(opts.rules, buses);
  const log = (line: string) => opts.log?.(`eventbridge: ${line}`);
  const opened = opts.dataDir === undefined ? undefined : DeliveryJournal.open(opts.dataDir);
  const journal = opened?.journal;
  const queue = new DeliveryQueue({ deliver: opts.deliver, timeScale: opts.timeScale ?? 1, log, journal });
  const history: PutEventRecord[] = [];
  const historyLimit = opts.historyLimit ?? 1000;
  const tally = { putEvents: 0, matched: 0 };
  let closing = false;

  const catalog = { scope, buses, rules };

  const remember = (record: PutEventRecord) => {
    history.push(record);
    if (history.length > historyLimit) history.splice(0, history.length - historyLimit);
  };

  // The targets of every rule on the event's bus whose pattern matches it.
  const route = (busName: string, event: EventBridgeEvent) => {
    const flat = flattenEvent(event as unknown as Record<string, unknown>);
    const matched = rules.filter(
      (rule) => rule.eventBusName === busName && matchesFlatEvent(rule.compiled, flat),
    );
    return {
      matchedRules: matched.length,
      deliveries: matched.flatMap((rule) => rule.targets.map((target) => ({ rule: rule.name, target }))),
    };
  };

  // Entries are checked and routed first, then journaled together (before the answer), then queued:
  // a journal that cannot be written fails the request as a whole, with nothing queued.
  const putEvents = (body: Record<string, unknown>) => {
    // A request read while closing must not be answered as accepted: nothing would record it.
    if (closing) throw new AwsJsonError('InternalException', 'The local EventBridge is shutting down', 500);
    const now = new Date();
    const receivedAt = now.getTime();
    const accepted: ({ event: EventBridgeEvent; busName: string } & ReturnType<typeof route>)[] = [];
    const results = requestEntries(body).map((entry) => {
      const result = acceptEntry(entry, {
        ...scope,
        now,
        newId: randomUUID,
        resolveBus: (ref) => resolveBus(catalog, ref),
      });
      if (!result.ok) return { ErrorCode: result.errorCode, ErrorMessage: result.errorMessage };
      accepted.push({ event: result.event, busName: result.busName, ...route(result.busName, result.event) });
      return { EventId: result.event.id };
    });
    journal?.append(
      accepted
        .filter(({ deliveries }) => deliveries.length > 0)
        .map(
          ({ event, busName, deliveries }): JournalLine => ({
            kind: 'accepted',
            event,
            eventBusName: busName,
            receivedAt,
            deliveries: deliveries.map(({ rule, target }) => ({
              rule,
              targetId: target.id,
              attempts: 0,
              firstAttemptAt: receivedAt,
            })),
          }),
        ),
    );
    for (const { event, busName, matchedRules, deliveries } of accepted) {
      tally.putEvents++;
      tally.matched += matchedRules;
      const routes = deliveries.map(({ rule, target }) => {
        const record: RouteRecord = { rule, targetId: target.id, status: 'pending', attempts: 0 };
        queue.enqueue(event, target, record, receivedAt);
        return record;
      });
      remember({
        id: event.id,
        time: event.time,
        source: event.source,
        detailType: event['detail-type'],
        eventBusName: busName,
        receivedAt: now.toISOString(),
        event,
        routes,
      });
      log(
        `accepted ${event.id} (${event.source} / ${event['detail-type']}) on ${busName}: ${routes.length} target(s)`,
      );
    }
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  };

  // What an earlier run left: its dead letters, and its deliveries without an outcome, resumed.
  if (opened) {
    queue.restoreDeadLetters(opened.state.deadLetters);
    for (const pending of opened.state.pending) remember(resume(pending, rules, queue));
    log(
      `journal ${opened.journal.file}: ${opened.state.pending.length} event(s) with pending deliveries, ` +
        `${opened.state.deadLetters.length} dead letter(s)`,
    );
  }

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    PutEvents: putEvents,
    TestEventPattern: testEventPattern,
    ...busOperations(catalog),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    try {
      const operation = operationOf(request, 'AWSEvents');
      const handler = operation === undefined ? undefined : operations[operation];
      if (request.method !== 'POST' || !handler) {
        request.resume();
        const named = operation ?? request.headers['x-amz-target'] ?? '(no X-Amz-Target)';
        throw new AwsJsonError(
          'UnknownOperationException',
          `The local EventBridge does not support the operation ${named}`,
        );
      }
      const body = await readJsonBody(request, MAX_REQUEST_BYTES);
      sendJson(response, 200, handler(body));
    } catch (error) {
      if (error instanceof AwsJsonError) {
        sendError(response, error);
      } else {
        log(`internal error: ${(error as Error).stack ?? String(error)}`);
        sendError(
          response,
          new AwsJsonError('InternalException', 'Internal error in the local EventBridge', 500),
        );
      }
    }
  };

  const server = createServer((request, response) => void handle(request, response));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    queue.close();
    journal?.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  log(`listening on http://${hostForUrl}:${port} with ${rules.length} rule(s)`);

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    close: async () => {
      closing = true;
      queue.close();
      journal?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    idle: () => queue.idle(),
    putEvents: () =>
      history.map((record) => ({
        ...record,
        routes: record.routes.map((routeRecord) => ({ ...routeRecord })),
      })),
    deadLetters: () => [...queue.deadLetters],
    counts: () => ({ ...tally, ...queue.counts }),
    failuresByError: () => ({ ...queue.failuresByError }),
  };
}

/** Puts a journaled event's deliveries back on the queue, or dead-letters those whose target is gone. */
function resume(pending: PendingEvent, rules: CompiledRule[], queue: DeliveryQueue): PutEventRecord {
  const { event, eventBusName } = pending;
  const routes = pending.deliveries.map((delivery) => {
    const record: RouteRecord = {
      rule: delivery.rule,
      targetId: delivery.targetId,
      status: 'pending',
      attempts: delivery.attempts,
      ...(delivery.lastError === undefined ? {} : { lastError: delivery.lastError }),
    };
    const rule = rules.find((r) => r.eventBusName === eventBusName && r.name === delivery.rule);
    const target = rule?.targets.find((t) => t.id === delivery.targetId);
    if (target) queue.resume(event, target, record, delivery);
    else
      queue.deadLetterUnroutable(
        event,
        record,
        `ResourceNotFoundException: ${rule ? `rule ${delivery.rule} has no target ${delivery.targetId}` : `no rule ${delivery.rule}`} on event bus ${eventBusName} any more`,
      );
    return record;
  });
  return {
    id: event.id,
    time: event.time,
    source: event.source,
    detailType: event['detail-type'],
    eventBusName,
    receivedAt: new Date(pending.receivedAt).toISOString(),
    event,
    routes,
  };
}

// Rules are checked once at start: a bad pattern or an unknown bus is a topology error.
function compileRules(rules: LocalRule[], buses: Set<string>): CompiledRule[] {
  const seen = new Set<string>();
  return rules.map((rule) => {
    if (!buses.has(rule.eventBusName)) {
      throw new Error(`rule ${rule.name}: event bus ${rule.eventBusName} does not exist`);
    }
    const key = `${rule.eventBusName}/${rule.name}`;
    if (seen.has(key)) throw new Error(`rule ${rule.name}: defined twice on event bus ${rule.eventBusName}`);
    seen.add(key);
    try {
      return { ...rule, compiled: compileEventPattern(rule.pattern) };
    } catch (error) {
      throw new Error(`rule ${rule.name}: ${(error as Error).message}`, { cause: error });
    }
  });
}
