import { Agent, request } from 'node:http';
import type { LocalInfo } from '../../infra/local/runtime';
import { storefrontHeaders } from './bench-runtime';

export class BenchApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

/** Who calls: the storefront (its API key) or a staff role (its bearer token). */
export type Caller = 'storefront' | keyof LocalInfo['staffTokens'];

export interface BenchApi {
  <T = Record<string, unknown>>(method: string, path: string, as: Caller, body?: unknown): Promise<T>;
  /** Requests sent so far, by `METHOD /route` (ids replaced by `{id}`). */
  counts(): Record<string, number>;
  /** Answers 429 (throttled) so far; each was retried after a pause, as a client would. */
  throttled(): number;
  close(): void;
}

/**
 * The API as a client calls it, on `node:http` with keep-alive (lighter than fetch, so the client
 * takes as little as it can of the CPU it shares with the runtime). A 429 is retried after a pause;
 * any other answer that is not 2xx throws.
 */
export function benchApi(info: LocalInfo): BenchApi {
  const url = new URL(info.apiUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const counts: Record<string, number> = {};
  let throttled = 0;
  const call = async <T>(method: string, path: string, as: Caller, body?: unknown): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once<T>(method, path, as, body);
      } catch (error) {
        if (!(error instanceof BenchApiError) || error.status !== 429 || attempt === 10) throw error;
        throttled++;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  };
  const once = <T>(method: string, path: string, as: Caller, body?: unknown): Promise<T> => {
    const route = `${method} ${path.replace(/\/(ord|cus)_[0-9A-Za-z]+/g, '/{id}').replace(/\?.*$/, '')}`;
    counts[route] = (counts[route] ?? 0) + 1;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as === 'storefront') Object.assign(headers, storefrontHeaders(info.apiKey));
    else headers.authorization = `Bearer ${info.staffTokens[as]}`;
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise<T>((resolve, reject) => {
      const outgoing = request(
        { host: url.hostname, port: url.port, path, method, headers, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status < 200 || status > 299) return reject(new BenchApiError(status, text, route));
            try {
              resolve((text ? JSON.parse(text) : undefined) as T);
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  };
  return Object.assign(call, {
    counts: () => ({ ...counts }),
    throttled: () => throttled,
    close: () => agent.destroy(),
  }) as BenchApi;
}
