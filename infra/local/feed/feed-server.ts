import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { matchesFeedFilter, parseFeedFilter } from '../../../shared/feed/feed-filter';
import { type BusEvent, feedMessage } from '../../../shared/feed/feed-message';
import type { LiveFeedSpec } from '../../topology/types';
import { policyAllows } from '../api-gateway/policy';
import { closeServer, listen } from '../listen';
import { FeedJournal } from './feed-journal';
import { FeedStream } from './feed-stream';
import { sseEvent, sseRetry } from './sse-frames';

export interface LocalFeedOptions {
  host: string;
  port: number;
  spec: LiveFeedSpec;
  /** Invokes a function of the topology (the authorizer, $connect, $disconnect). */
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  context: { apiId: string; accountId: string; region: string };
  /** The journal's folder. */
  dataDir: string;
  journalLimit?: number;
  heartbeatMs?: number;
}

export interface LocalFeed {
  /** The feed (GET, `text/event-stream`) and its management endpoint: `http://host:port/<stage>`. */
  url: string;
  /**
   * The `live-feed` rule's delivery: the event is journaled, then `fanOut` (the fan-out function)
   * runs; one at a time, so streams get events in the order the bus accepted them.
   */
  relay(event: BusEvent, fanOut: () => Promise<void>): Promise<void>;
  /** Open connections. */
  connections(): number;
  close(): Promise<void>;
}

type Reply = [status: number, body: unknown, headers?: Record<string, string>];

const error = (status: number, code: string, message: string): Reply => [
  status,
  { error: { code, message } },
];
const gone = (): Reply => [
  410,
  { message: 'The connection is gone' },
  { 'x-amzn-errortype': 'GoneException' },
];

/**
 * The live feed's local part, in place of the WebSocket API: `GET /<stage>?token=…&departments=…&types=…`
 * opens a Server-Sent Events stream after the same functions as on AWS ran (the `$connect`
 * authorizer, then `$connect`, which keeps the connection in the connections table); closing it runs
 * `$disconnect`. The fan-out function posts to streams through API Gateway's management API
 * (`POST /<stage>/@connections/{id}`, 410 for a gone one), which this server speaks. Local-only: each
 * event has an `id:` and a client reconnecting with `Last-Event-ID` first gets what it missed, from
 * the journal; heartbeats keep idle streams open through proxies.
 */
export async function startLocalFeed(options: LocalFeedOptions): Promise<LocalFeed> {
  const { spec } = options;
  const journal = FeedJournal.open(options.dataDir, options.journalLimit);
  const streams = new Map<string, FeedStream>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let relaying: Promise<void> = Promise.resolve();

  const connect = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<Reply | undefined> => {
    const query = Object.fromEntries(url.searchParams);
    // The authorizer's identity source: without it API Gateway answers 401 and runs nothing.
    if (!query[spec.tokenParameter]) {
      return error(401, 'UNAUTHORIZED', `Send a staff token as ?${spec.tokenParameter}=`);
    }
    const connectionId = randomBytes(12).toString('base64url');
    const methodArn = `arn:aws:execute-api:${options.context.region}:${options.context.accountId}:${options.context.apiId}/${spec.stage}/$connect`;
    const requestContext = {
      routeKey: '$connect',
      eventType: 'CONNECT',
      connectionId,
      apiId: options.context.apiId,
      stage: spec.stage,
      domainName: request.headers.host ?? 'localhost',
      requestId: randomBytes(8).toString('hex'),
      connectedAt: Date.now(),
    };
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    let answer: { principalId?: string; policyDocument?: unknown; context?: Record<string, unknown> };
    try {
      answer = (await options.invoke(spec.authorizer, {
        type: 'REQUEST',
        methodArn,
        headers,
        queryStringParameters: query,
        stageVariables: {},
        requestContext,
      })) as typeof answer;
    } catch (failure) {
      return (failure as Error).message === 'Unauthorized'
        ? error(401, 'UNAUTHORIZED', 'The staff token was refused')
        : error(500, 'INTERNAL', 'Something went wrong on our side');
    }
    if (!answer?.principalId || !policyAllows(answer.policyDocument as never, methodArn)) {
      return error(403, 'FORBIDDEN', 'Only staff may watch the live feed: send a valid staff token');
    }

    // Held from here: the fan-out may post as soon as $connect has kept the connection.
    const stream = new FeedStream(connectionId, request.headers['user-agent'] ?? '');
    streams.set(connectionId, stream);
    let result: { statusCode?: number; body?: string };
    try {
      result = (await options.invoke(spec.connect, {
        requestContext: {
          ...requestContext,
          authorizer: { principalId: answer.principalId, ...answer.context },
        },
        headers,
        queryStringParameters: query,
        isBase64Encoded: false,
      })) as typeof result;
    } catch {
      streams.delete(connectionId);
      return error(500, 'INTERNAL', 'Something went wrong on our side');
    }
    const status = result?.statusCode ?? 500;
    if (status < 200 || status > 299) {
      streams.delete(connectionId);
      return [status, result?.body ? JSON.parse(result.body) : {}];
    }

    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-connection-id': connectionId,
    });
    response.write(sseRetry(1000));
    const lastEventId = request.headers['last-event-id'];
    const missed = typeof lastEventId === 'string' && lastEventId ? journal.after(lastEventId) : [];
    // An id the journal no longer has (or never had): what was missed is unknown; the client reloads.
    if (missed === undefined) {
      const reason = 'Last-Event-ID is not in the feed journal: reload, then follow the stream';
      response.write(sseEvent(JSON.stringify({ reason, lastEventId }), { event: 'resync' }));
    }
    const parsed = parseFeedFilter(query);
    const filter = parsed.ok ? parsed.filter : {};
    const replay = (missed ?? []).map(feedMessage).filter((message) => matchesFeedFilter(filter, message));
    stream.open(
      response,
      replay.map((message) => JSON.stringify(message)),
      heartbeatMs,
    );
    request.on('close', () => {
      stream.close();
      if (streams.get(connectionId) !== stream) return;
      streams.delete(connectionId);
      void options
        .invoke(spec.disconnect, {
          requestContext: { ...requestContext, routeKey: '$disconnect', eventType: 'DISCONNECT' },
        })
        .catch(() => undefined);
    });
    return undefined;
  };

  // API Gateway's management API for the stage's connections.
  const manage = async (method: string, connectionId: string, request: IncomingMessage): Promise<Reply> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const stream = streams.get(connectionId);
    if (!stream || stream.closed) return gone();
    if (method === 'POST') {
      stream.post(Buffer.concat(chunks).toString('utf8'));
      return [200, undefined];
    }
    if (method === 'DELETE') {
      stream.close();
      return [204, undefined];
    }
    if (method === 'GET') {
      return [
        200,
        {
          connectedAt: stream.connectedAt.toISOString(),
          lastActiveAt: stream.lastActiveAt.toISOString(),
          identity: { sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: stream.userAgent },
        },
      ];
    }
    return error(405, 'METHOD_NOT_ALLOWED', `${method} is not a management operation`);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://local');
    const path = url.pathname.replace(/\/+$/, '');
    const managed = new RegExp(`^/${spec.stage}/@connections/([^/]+)$`).exec(path);
    let reply: Reply | undefined;
    if (managed) reply = await manage(request.method ?? 'GET', decodeURIComponent(managed[1]), request);
    else if (path === `/${spec.stage}` && request.method === 'GET')
      reply = await connect(request, response, url);
    else reply = error(404, 'NOT_FOUND', 'No such route');
    if (!reply || response.headersSent) return;
    const [status, body, headers] = reply;
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json',
      ...headers,
      'content-length': String(Buffer.byteLength(text)),
    });
    response.end(text);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end();
    });
  });
  const { url } = await listen(server, options.host, options.port);

  return {
    url: `${url}/${spec.stage}`,
    relay: (event, fanOut) => {
      journal.record(event);
      const turn = relaying.then(fanOut);
      relaying = turn.catch(() => undefined);
      return turn;
    },
    connections: () => streams.size,
    close: async () => {
      for (const stream of streams.values()) stream.close();
      streams.clear();
      journal.close();
      await closeServer(server);
    },
  };
}
