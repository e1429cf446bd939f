import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { busOperations, resolveBus } from './bus-operations';
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
  close(): Promise<void>;
  /** Resolves when no delivery is pending or waiting to be retried. */
  idle(): Promise<void>;
  putEvents(): PutEventRecord[];
  deadLetters(): DeadLetter[];
  counts(): LocalEventBridgeCounts;
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
  const queue = new DeliveryQueue({ deliver: opts.deliver, timeScale: opts.timeScale ?? 1, log });
  const history: PutEventRecord[] = [];
  const historyLimit = opts.historyLimit ?? 1000;
  const tally = { putEvents: 0, matched: 0 };

  const catalog = { scope, buses, rules };

  const route = (busName: string, event: EventBridgeEvent): RouteRecord[] => {
    const flat = flattenEvent(event as unknown as Record<string, unknown>);
    const routes: RouteRecord[] = [];
    for (const rule of rules) {
      if (rule.eventBusName !== busName || !matchesFlatEvent(rule.compiled, flat)) continue;
      tally.matched++;
      for (const target of rule.targets) {
        const record: RouteRecord = { rule: rule.name, targetId: target.id, status: 'pending', attempts: 0 };
        routes.push(record);
        queue.enqueue(event, target, record);
      }
    }
    return routes;
  };

  const putEvents = (body: Record<string, unknown>) => {
    const now = new Date();
    const results = requestEntries(body).map((entry) => {
      const result = acceptEntry(entry, {
        ...scope,
        now,
        newId: randomUUID,
        resolveBus: (ref) => resolveBus(catalog, ref),
      });
      if (!result.ok) return { ErrorCode: result.errorCode, ErrorMessage: result.errorMessage };
      const { event, busName } = result;
      tally.putEvents++;
      const routes = route(busName, event);
      history.push({
        id: event.id,
        time: event.time,
        source: event.source,
        detailType: event['detail-type'],
        eventBusName: busName,
        receivedAt: now.toISOString(),
        event,
        routes,
      });
      if (history.length > historyLimit) history.splice(0, history.length - historyLimit);
      log(
        `accepted ${event.id} (${event.source} / ${event['detail-type']}) on ${busName}: ${routes.length} target(s)`,
      );
      return { EventId: event.id };
    });
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  };

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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  log(`listening on http://${hostForUrl}:${port} with ${rules.length} rule(s)`);

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    close: async () => {
      queue.close();
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
