import { type ClientRequest, request } from 'node:http';

/** One dispatched server-sent event, as an EventSource would give it. */
export interface ServerSentEvent {
  id: string;
  event: string;
  data: string;
}

export type SseConnection =
  | {
      ok: true;
      status: 200;
      events: ServerSentEvent[];
      comments: string[];
      next(what?: string, timeoutMs?: number): Promise<ServerSentEvent>;
      close(): void;
    }
  | { ok: false; status: number; body: string };

/**
 * A small SSE client on node:http, parsing the stream as the WHATWG spec says (fields, multi-line
 * data, `id:` carried over, comments): what a browser's EventSource does, minus reconnecting, which
 * tests do by hand with `Last-Event-ID`.
 */
export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | undefined;
    // No keep-alive agent: a refused request's socket would otherwise linger in the pool.
    req = request(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      response.setEncoding('utf8');
      if (response.statusCode !== 200) {
        let body = '';
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ ok: false, status: response.statusCode ?? 0, body }));
        return;
      }
      const events: ServerSentEvent[] = [];
      const comments: string[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      let lastId = '';
      let pending = { event: '', data: [] as string[] };
      const dispatch = () => {
        if (pending.data.length)
          events.push({ id: lastId, event: pending.event || 'message', data: pending.data.join('\n') });
        pending = { event: '', data: [] };
        for (const wake of waiters.splice(0)) wake();
      };
      response.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') dispatch();
          else if (line.startsWith(':')) comments.push(line.slice(1).trim());
          else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') pending.data.push(value);
            else if (field === 'event') pending.event = value;
            else if (field === 'id' && !value.includes('\0')) lastId = value;
          }
        }
      });
      let read = 0;
      resolve({
        ok: true,
        status: 200,
        events,
        comments,
        // The next event not yet taken (of type `what`, when given), in arrival order.
        next: async (what, timeoutMs = 15_000) => {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            while (read < events.length) {
              const event = events[read++];
              if (!what || event.event === what) return event;
            }
            const left = deadline - Date.now();
            if (left <= 0)
              throw new Error(`no server-sent event${what ? ` "${what}"` : ''} within ${timeoutMs} ms`);
            await new Promise<void>((wake) => {
              const timer = setTimeout(wake, left);
              waiters.push(() => {
                clearTimeout(timer);
                wake();
              });
            });
          }
        },
        close: () => req?.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
