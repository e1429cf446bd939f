import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../listen';
import type { LocalRuntime } from '../runtime';

export interface LocalAdmin {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Introspection for the person at the machine, and for tests and benchmarks: executions and their
 * histories, events and where they went, dead letters, function invocations, storage requests, and
 * schedules (which can be fired now). Local only: it never exists on AWS.
 */
export async function startLocalAdmin(options: {
  host: string;
  port: number;
  parts: () => LocalRuntime;
}): Promise<LocalAdmin> {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const parts = options.parts();
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    try {
      if (request.method === 'GET' && segments.length === 0) {
        return send(response, 200, {
          endpoints: [
            'GET /executions',
            'GET /executions/{executionArn}/history',
            'GET /events',
            'GET /dead-letters',
            'GET /functions',
            'GET /dynamodb',
            'GET /schedules',
            'POST /schedules/{name}/fire',
            'GET /stats',
            'GET /chaos',
          ],
        });
      }
      if (request.method === 'GET' && segments[0] === 'executions' && segments.length === 1) {
        return send(response, 200, { executions: parts.sfn.executions() });
      }
      if (request.method === 'GET' && segments[0] === 'executions' && segments[2] === 'history') {
        return send(response, 200, { events: parts.sfn.history(segments[1]) });
      }
      if (request.method === 'GET' && url.pathname === '/events')
        return send(response, 200, { events: parts.eventbridge.putEvents() });
      if (request.method === 'GET' && url.pathname === '/dead-letters') {
        return send(response, 200, { deadLetters: parts.eventbridge.deadLetters() });
      }
      if (request.method === 'GET' && url.pathname === '/functions')
        return send(response, 200, { functions: parts.lambda.functionStats() });
      if (request.method === 'GET' && url.pathname === '/dynamodb')
        return send(response, 200, { requests: parts.dynamodb.requestCounts() });
      if (request.method === 'GET' && url.pathname === '/schedules') {
        return send(response, 200, { runs: parts.scheduler.history() });
      }
      if (
        request.method === 'POST' &&
        segments[0] === 'schedules' &&
        segments[2] === 'fire' &&
        segments.length === 3
      ) {
        const run = await parts.scheduler.fire(segments[1]);
        return send(response, run.ok ? 200 : 500, run);
      }
      if (request.method === 'GET' && url.pathname === '/chaos') {
        return send(response, 200, {
          options: parts.chaos?.options ?? null,
          counts: parts.chaos?.counts() ?? null,
        });
      }
      if (request.method === 'GET' && url.pathname === '/stats') {
        return send(response, 200, {
          api: { requests: parts.api.requestCount() },
          dynamodb: parts.dynamodb.requestCounts(),
          functions: parts.lambda.functionStats(),
          eventbridge: parts.eventbridge.counts(),
          sfn: parts.sfn.counts(),
        });
      }
      send(response, 404, {
        error: { code: 'NOT_FOUND', message: `no admin endpoint ${request.method} ${url.pathname}` },
      });
    } catch (error) {
      send(response, 400, { error: { code: 'BAD_REQUEST', message: (error as Error).message } });
    }
  });
  const { url, port } = await listen(server, options.host, options.port);
  return {
    url,
    port,
    close: () => closeServer(server),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body, null, 2));
}
