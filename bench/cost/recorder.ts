import { Agent, createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../../infra/local/local-aws';
import type { LocalRuntime } from '../../infra/local/runtime';
import type { TableSpec, Topology } from '../../infra/topology/types';
import { type Item, itemSize, primaryKey, readUnitsFor, type WriteUnits, writeUnits } from './dynamodb-units';

/**
 * Records every billable unit the functions cause, tagged with the function and the current phase:
 * - each function's DynamoDB, EventBridge and SES endpoints are pointed at a recording proxy of its
 *   own in front of the local server (set in its environment before its sandbox starts, so the
 *   handler's SDK clients use it as they would any endpoint);
 * - DynamoDB writes pass one at a time, with the item read (straight from dynalite, not counted)
 *   before and after, so each write's units, GSI writes included, come from the item's real sizes;
 *   reads ask dynalite for ConsumedCapacity (it computes it from the items it read);
 * - Lambda invocations are timed by wrapping the local Lambda service's `invoke`.
 * Nothing here changes what the handlers see, except that reads' answers carry ConsumedCapacity; but
 * the proxies and the serialized writes make invocations slower, so durations are best timed with
 * `proxies: false` (only the invocation timer).
 */

export interface DynamoRecord {
  phase: string;
  fn: string;
  operation: string;
  table: string;
  readUnits: number;
  write?: WriteUnits;
  /** The written items' sizes after the write (bytes). */
  itemBytes?: number;
  conditionFailed?: boolean;
  status: number;
}

export interface EventRecord {
  phase: string;
  fn: string;
  source: string;
  detailType: string;
  bytes: number;
  /** Billed events: one per started 64 KB of the entry. */
  billed: number;
}

export interface EmailRecord {
  phase: string;
  fn: string;
  subject: string;
  recipients: string[];
}

export interface InvocationRecord {
  phase: string;
  fn: string;
  ms: number;
  trigger: string;
  failed: boolean;
}

export interface Recorder {
  phase: string;
  dynamodb: DynamoRecord[];
  events: EventRecord[];
  emails: EmailRecord[];
  invocations: InvocationRecord[];
  /** Requests the recorder itself sent to dynalite (item images), to reconcile with its own count. */
  auxiliaryDynamoRequests: number;
  close(): Promise<void>;
}

const agent = new Agent({ keepAlive: true });

interface Exchange {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Sends a request on to `target` as it came (same method, path and headers), body as given. */
function forward(
  target: URL,
  method: string,
  path: string,
  headers: IncomingMessage['headers'],
  body: Buffer,
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        agent,
        headers: { ...headers, host: target.host, 'content-length': String(body.length) },
      },
      (response) => {
        readBody(response).then(
          (responseBody) =>
            resolve({ status: response.statusCode ?? 500, headers: response.headers, body: responseBody }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

type Handler = (req: IncomingMessage, body: Buffer) => Promise<Exchange>;

async function listen(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handler(req, body))
      .then(
        (exchange) => {
          const headers = { ...exchange.headers };
          delete headers['transfer-encoding'];
          delete headers.connection;
          headers['content-length'] = String(exchange.body.length);
          res.writeHead(exchange.status, headers);
          res.end(exchange.body);
        },
        (error: Error) => {
          if (process.env.BENCH_DEBUG) console.error(error);
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`recording proxy: ${error.message}`);
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** One lock for every proxy: a write and its before/after reads are not interleaved with another write. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release: () => void = () => undefined;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

interface ItemWrite {
  table: string;
  key: Item;
}

interface ConsumedCapacity {
  TableName?: string;
  CapacityUnits?: number;
}

/**
 * Starts the recording proxies and points every function at them. Call before any function has run
 * (the runtime starts sandboxes on first use unless asked to warm them).
 */
export async function startRecorder(
  runtime: LocalRuntime,
  spec: Topology,
  options: { proxies: boolean } = { proxies: true },
): Promise<Recorder> {
  const servers: Server[] = [];
  const tables = new Map<string, TableSpec>(
    Object.values(spec.tables).map((table) => [`tradeflow-${table.name}`, table]),
  );
  const dynamoTarget = new URL(runtime.info.endpoints.dynamodb);
  const eventsTarget = new URL(runtime.info.endpoints.eventbridge);
  const sesTarget = new URL(runtime.info.endpoints.sesv2);
  const writes = new Mutex();
  const images = new DynamoDBClient(localClientConfig(runtime.info.endpoints.dynamodb));

  const recorder: Recorder = {
    phase: 'setup',
    dynamodb: [],
    events: [],
    emails: [],
    invocations: [],
    auxiliaryDynamoRequests: 0,
    close: async () => {
      images.destroy();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };

  /** The item as it is now, read straight from dynalite with a strongly consistent GetItem. */
  const currentItem = async (write: ItemWrite): Promise<Item | undefined> => {
    recorder.auxiliaryDynamoRequests++;
    const { Item } = await images.send(
      new GetItemCommand({
        TableName: write.table,
        Key: write.key as unknown as Record<string, AttributeValue>,
        ConsistentRead: true,
      }),
    );
    return Item as unknown as Item | undefined;
  };

  const itemWrites = (operation: string, request: Record<string, unknown>): ItemWrite[] => {
    const tableOf = (name: string) => {
      const table = tables.get(name);
      if (!table) throw new Error(`recording proxy: unknown table ${name}`);
      return table;
    };
    switch (operation) {
      case 'PutItem': {
        const name = String(request.TableName);
        return [{ table: name, key: primaryKey(tableOf(name), request.Item as Item) }];
      }
      case 'UpdateItem':
      case 'DeleteItem':
        return [{ table: String(request.TableName), key: request.Key as Item }];
      case 'BatchWriteItem':
        return Object.entries(
          request.RequestItems as Record<string, Record<string, { Item?: Item; Key?: Item }>[]>,
        ).flatMap(([name, requests]) =>
          requests.map((entry) => {
            const put = entry.PutRequest;
            const key = put?.Item ? primaryKey(tableOf(name), put.Item) : entry.DeleteRequest?.Key;
            return { table: name, key: key as Item };
          }),
        );
      default:
        return [];
    }
  };

  const dynamoHandler =
    (fn: string): Handler =>
    async (req, body) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.slice(target.indexOf('.') + 1);
      const input = body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : {};
      const phase = recorder.phase;
      const record: DynamoRecord = {
        phase,
        fn,
        operation,
        table: String(input.TableName ?? Object.keys((input.RequestItems as object) ?? {}).join(',')),
        readUnits: 0,
        status: 0,
      };
      recorder.dynamodb.push(record);

      if (READS.has(operation)) {
        const asked = input.ReturnConsumedCapacity;
        const sent = asked
          ? body
          : Buffer.from(JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' }));
        const answer = await forward(dynamoTarget, req.method ?? 'POST', req.url ?? '/', req.headers, sent);
        record.status = answer.status;
        record.readUnits = readUnits(operation, input, answer);
        return answer;
      }
      if (!WRITES.has(operation)) {
        const answer = await forward(dynamoTarget, req.method ?? 'POST', req.url ?? '/', req.headers, body);
        record.status = answer.status;
        return answer;
      }
      return writes.run(async () => {
        const items = itemWrites(operation, input);
        const before = await Promise.all(items.map((item) => currentItem(item)));
        const answer = await forward(dynamoTarget, req.method ?? 'POST', req.url ?? '/', req.headers, body);
        record.status = answer.status;
        const failedCondition =
          answer.status === 400 && answer.body.toString().includes('ConditionalCheckFailedException');
        if (answer.status !== 200 && !failedCondition) return answer; // rejected: nothing written or billed
        const after = await Promise.all(items.map((item) => currentItem(item)));
        const total: WriteUnits = { table: 0, indexes: {} };
        items.forEach((item, i) => {
          const units = writeUnits(
            tables.get(item.table)!,
            before[i],
            after[i],
            failedCondition ? 'conditionFailed' : 'written',
          );
          total.table += units.table;
          for (const [index, n] of Object.entries(units.indexes))
            total.indexes[index] = (total.indexes[index] ?? 0) + n;
        });
        record.write = total;
        record.itemBytes = after.reduce((sum, item) => sum + itemSize(item), 0);
        record.conditionFailed = failedCondition;
        return answer;
      });
    };

  const eventsHandler =
    (fn: string): Handler =>
    async (req, body) => {
      const phase = recorder.phase;
      const answer = await forward(eventsTarget, req.method ?? 'POST', req.url ?? '/', req.headers, body);
      if (String(req.headers['x-amz-target']).endsWith('.PutEvents') && answer.status === 200) {
        const input = JSON.parse(body.toString()) as { Entries: Record<string, unknown>[] };
        const output = JSON.parse(answer.body.toString()) as { Entries?: { EventId?: string }[] };
        input.Entries.forEach((entry, i) => {
          if (!output.Entries?.[i]?.EventId) return; // a rejected entry is not billed
          const bytes = putEventsEntrySize(entry);
          recorder.events.push({
            phase,
            fn,
            source: String(entry.Source),
            detailType: String(entry.DetailType),
            bytes,
            billed: Math.max(1, Math.ceil(bytes / (64 * 1024))),
          });
        });
      }
      return answer;
    };

  const sesHandler =
    (fn: string): Handler =>
    async (req, body) => {
      const phase = recorder.phase;
      const answer = await forward(sesTarget, req.method ?? 'POST', req.url ?? '/', req.headers, body);
      if (
        req.method === 'POST' &&
        req.url?.startsWith('/v2/email/outbound-emails') &&
        answer.status === 200
      ) {
        const input = JSON.parse(body.toString()) as {
          Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
          Content?: { Simple?: { Subject?: { Data?: string } }; Template?: { TemplateName?: string } };
        };
        const destination = input.Destination ?? {};
        recorder.emails.push({
          phase,
          fn,
          subject: input.Content?.Simple?.Subject?.Data ?? input.Content?.Template?.TemplateName ?? '',
          recipients: [
            ...(destination.ToAddresses ?? []),
            ...(destination.CcAddresses ?? []),
            ...(destination.BccAddresses ?? []),
          ],
        });
      }
      return answer;
    };

  for (const fn of options.proxies ? runtime.lambda.list() : []) {
    const [dynamo, events, ses] = await Promise.all([
      listen(dynamoHandler(fn.name)),
      listen(eventsHandler(fn.name)),
      listen(sesHandler(fn.name)),
    ]);
    servers.push(dynamo.server, events.server, ses.server);
    // The sandbox's environment is the base one overlaid with this object, read when it starts.
    fn.environment.AWS_ENDPOINT_URL_DYNAMODB = dynamo.url;
    fn.environment.AWS_ENDPOINT_URL_EVENTBRIDGE = events.url;
    fn.environment.AWS_ENDPOINT_URL_SESV2 = ses.url;
  }

  const lambda = runtime.lambda;
  const invoke = lambda.invoke.bind(lambda);
  lambda.invoke = async (nameOrArn: string, event: unknown) => {
    const fn = lambda.resolve(nameOrArn).name;
    const phase = recorder.phase;
    const started = performance.now();
    let failed = false;
    try {
      return await invoke(nameOrArn, event);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      recorder.invocations.push({
        phase,
        fn,
        ms: performance.now() - started,
        trigger: trigger(event),
        failed,
      });
    }
  };
  return recorder;
}

function readUnits(operation: string, input: Record<string, unknown>, answer: Exchange): number {
  if (answer.status !== 200) return 0;
  const output = JSON.parse(answer.body.toString()) as {
    ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[];
  };
  const consistent = input.ConsistentRead === true;
  // dynalite sizes the whole item read (not the projection), in 4 KB steps, halved unless consistent.
  const consumed = output.ConsumedCapacity;
  const reported = Array.isArray(consumed)
    ? consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0)
    : (consumed?.CapacityUnits ?? 0);
  // A read that finds nothing still costs the minimum step.
  return operation === 'BatchGetItem' ? reported : Math.max(reported, readUnitsFor(0, consistent));
}

/** PutEvents entry size as EventBridge bills it: Source, DetailType, Detail, Resources, 14 bytes for Time. */
export function putEventsEntrySize(entry: Record<string, unknown>): number {
  const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0);
  let size = bytes(entry.Source) + bytes(entry.DetailType) + bytes(entry.Detail);
  for (const resource of (entry.Resources as string[] | undefined) ?? []) size += bytes(resource);
  if (entry.Time !== undefined) size += 14;
  return size;
}

/** What made a function run: a route, the authorizer, an event type, or a workflow task. */
function trigger(event: unknown): string {
  const e = (event ?? {}) as Record<string, unknown>;
  if (typeof e.methodArn === 'string') return 'authorizer';
  if (typeof e.httpMethod === 'string') return `${e.httpMethod} ${e.resource}`;
  if (typeof e['detail-type'] === 'string') return String(e['detail-type']);
  if (typeof e.wait === 'string') return `wait:${e.wait}`;
  if (typeof e.stage === 'string') return `stage:${e.stage}`;
  if (typeof e.orderId === 'string') return 'workflow task';
  return 'other';
}
