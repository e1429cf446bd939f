import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleConfig } from '../../../console/src/shell/console-config';
import type { ConsoleFiles } from '../../console/build-console';
import { proxyFeed } from './feed-proxy';

export const CONSOLE_PATH = '/console';

export interface LocalConsoleOptions {
  /** The console's files, built at start (a rejected build is answered with its message). */
  files: Promise<ConsoleFiles>;
  /** The local live feed (`http://host:port/<stage>`), proxied at `/console/feed`. */
  feedUrl?: string;
  /** The dev token per role, once issued; handed only to a browser on this machine. */
  devTokens: () => Record<string, string> | undefined;
}

/**
 * Everything the browser loads, from itself: no inline script or style, no other origin (the API and
 * the feed are on this one). The console never needs to be framed.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** A request from this machine: only then does config.json carry the dev tokens. */
export function isLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  return (
    address === '::1' ||
    address === '127.0.0.1' ||
    address.startsWith('::ffff:127.') ||
    address.startsWith('127.')
  );
}

/**
 * The staff console on the API's own address, local only (API Gateway on AWS does not serve it; the
 * CDK app puts it on CloudFront): `GET /console/` and its files, `config.json` made per request, and
 * the live feed proxied. A request handler for the gateway's `extraHandler`: true when it answered.
 */
export function localConsole(options: LocalConsoleOptions) {
  const config = (request: IncomingMessage): ConsoleConfig => {
    const tokens = isLoopback(request) ? options.devTokens() : undefined;
    return {
      apiUrl: '/',
      ...(options.feedUrl ? { feed: { kind: 'sse', url: `${CONSOLE_PATH}/feed` } } : {}),
      signIn: { kind: 'local', ...(tokens ? { tokens } : {}) },
    };
  };

  const serve = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (path === CONSOLE_PATH) {
      response.writeHead(301, { location: `${CONSOLE_PATH}/`, 'content-length': '0' });
      return void response.end();
    }
    const name = path.slice(CONSOLE_PATH.length + 1) || 'index.html';
    if (name === 'feed' && options.feedUrl) return proxyFeed(request, response, options.feedUrl);
    if (name === 'config.json') {
      // Never cached: it may carry tokens, and they are re-issued at every start.
      return send(
        request,
        response,
        200,
        'application/json; charset=utf-8',
        JSON.stringify(config(request)),
        {
          'cache-control': 'no-store',
        },
      );
    }
    let files: ConsoleFiles;
    try {
      files = await options.files;
    } catch (error) {
      const message = `The console could not be built: ${(error as Error).message}`;
      return send(request, response, 500, 'text/plain; charset=utf-8', message);
    }
    const file = files.get(name);
    // A page's address as staff emails give it (`/console/orders/ord_1`): the console routes on the hash.
    if (!file && !name.includes('.')) {
      response.writeHead(302, { location: `${CONSOLE_PATH}/#/${name}`, 'content-length': '0' });
      return void response.end();
    }
    if (!file) return send(request, response, 404, 'text/plain; charset=utf-8', `No console file ${name}`);
    send(request, response, 200, file.contentType, file.body, { 'cache-control': 'no-cache' });
  };

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = (request.url ?? '/').split('?')[0];
    if (path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return false;
    serve(request, response, path).catch((error: Error) => {
      if (!response.headersSent) send(request, response, 500, 'text/plain; charset=utf-8', error.message);
      else response.end();
    });
    return true;
  };
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'content-length': String(bytes.length),
    ...headers,
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
