import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request dynalite served, as it arrived on the wire (the JSON body is the SDK's command input). */
export interface RecordedRequest {
  operation: string;
  table: string;
  /** The request body (DynamoDB JSON 1.0), exactly as the client sent it. */
  body: string;
  status: number;
  responseBytes: number;
  /** From the request's arrival to the end of dynalite's answer. */
  ms: number;
  /** Its place in the order of arrival. */
  seq: number;
  /** The function that sent it (the SDK's `app/<id>` in the user agent: the sandbox's name), if any. */
  caller?: string;
}

export interface DynamoRecorder {
  /** Starts keeping every request from now on (and forgets what was kept before). */
  start(): void;
  /** Stops keeping requests and returns what was kept since `start()`, in the order they arrived. */
  stop(): RecordedRequest[];
}

/**
 * Runs `start` (which creates the local runtime) while remembering every `node:http` server created,
 * so the bench can find dynalite's by its port and listen to what it serves. Nothing of the product
 * changes: a second `request` listener reads the same body dynalite reads (a few microseconds a
 * request on the main thread).
 */
export async function withServerCapture<T>(
  start: () => Promise<T>,
): Promise<{ value: T; servers: Server[] }> {
  const servers: Server[] = [];
  const original = http.createServer;
  const capturing = ((...args: Parameters<typeof http.createServer>) => {
    const server = original(...args);
    servers.push(server);
    return server;
  }) as typeof http.createServer;
  http.createServer = capturing;
  try {
    return { value: await start(), servers };
  } finally {
    http.createServer = original;
  }
}

export function recordDynamoRequests(servers: Server[], port: number): DynamoRecorder {
  const server = servers.find((candidate) => (candidate.address() as AddressInfo | null)?.port === port);
  if (!server) throw new Error(`no server on port ${port} among those created: is it dynalite's?`);
  let recording = false;
  // Bodies are decoded at stop(), not while the run is measured.
  let kept: (Omit<RecordedRequest, 'body' | 'table'> & { raw: Buffer })[] = [];
  let arrivals = 0;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!recording) return;
    const started = performance.now();
    const seq = arrivals++;
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.slice(target.indexOf('.') + 1) || 'unknown';
    const agent = `${request.headers['x-amz-user-agent'] ?? ''} ${request.headers['user-agent'] ?? ''}`;
    const caller = /(?:^| )app\/([^ ]+?)(?:-PT-[^ ]*)?(?: |$)/.exec(agent)?.[1];
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('finish', () => {
      if (!recording) return;
      kept.push({
        operation,
        raw: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
        status: response.statusCode,
        responseBytes: Number(response.getHeader('content-length') ?? 0),
        ms: performance.now() - started,
        seq,
        ...(caller ? { caller } : {}),
      });
    });
  });
  return {
    start: () => {
      kept = [];
      recording = true;
    },
    stop: () => {
      recording = false;
      const result = kept
        .sort((a, b) => a.seq - b.seq)
        .map(({ raw, ...request }) => {
          const body = raw.toString('utf8');
          return { ...request, body, table: tableOf(body) };
        });
      kept = [];
      return result;
    },
  };
}

function tableOf(body: string): string {
  try {
    const input = JSON.parse(body) as { TableName?: string; RequestItems?: Record<string, unknown> };
    return input.TableName ?? Object.keys(input.RequestItems ?? {}).join('+') ?? '?';
  } catch {
    return '?';
  }
}
