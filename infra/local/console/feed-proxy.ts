import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** What the client may send on to the feed (EventSource sends `Last-Event-ID` when it reconnects). */
const FORWARDED_REQUEST_HEADERS = ['accept', 'last-event-id', 'user-agent'];
/** What comes back (the stream's framing and its connection id; no hop-by-hop headers). */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'x-connection-id', 'content-length'];

/**
 * The live feed under the console's own origin (`/console/feed?token=…`): the local feed listens on
 * its own port, and an EventSource to another origin would need CORS there. Streams through unbuffered;
 * when the browser goes, the upstream request is destroyed, so the feed runs `$disconnect` as it
 * would for a direct client.
 */
export function proxyFeed(request: IncomingMessage, response: ServerResponse, feedUrl: string): void {
  const target = new URL(feedUrl);
  target.search = new URL(request.url ?? '/', 'http://local').search;
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // No keep-alive pool: each stream is its own connection, closed with it.
  const upstream = httpRequest(target, { method: 'GET', headers, agent: false }, (answer) => {
    const forwarded: Record<string, string> = {};
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') forwarded[name] = value;
    }
    response.writeHead(answer.statusCode ?? 502, forwarded);
    response.flushHeaders();
    answer.pipe(response);
  });
  upstream.on('error', () => {
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'FEED_UNAVAILABLE', message: 'The live feed is not answering' } }),
      );
    } else response.end();
  });
  // `close` on the response: the browser left (or the stream ended); either way the upstream goes.
  response.on('close', () => upstream.destroy());
  upstream.end();
}
