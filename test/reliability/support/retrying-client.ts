import type { LocalInfo } from '../../../infra/local/runtime';

/** Who calls: the storefront (its API key) or a staff role (its bearer token). */
export type Caller = 'storefront' | keyof LocalInfo['staffTokens'];

export interface ClientCounts {
  requests: number;
  /** 5xx answers (an API function that failed or timed out), each retried with the same key. */
  serverErrors: number;
  /** Connections refused or cut (the runtime was down), each retried with the same key. */
  networkErrors: number;
  /** 409 answers because the same key was still running (after a crash mid-request), retried. */
  inProgress: number;
  /** 429 answers, retried after a pause. */
  throttled: number;
  /** Answers that were a stored first answer (`idempotent-replayed: true`). */
  replayed: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 400)}`);
  }
}

export interface RetryingClient {
  /** GETs, and POST/PUTs with an Idempotency-Key, retried until a 2xx or 4xx answer. */
  <T = Record<string, unknown>>(
    method: string,
    path: string,
    as: Caller,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T>;
  counts(): ClientCounts;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * The API as a real storefront or back office calls it through failures: a 5xx, a refused connection
 * or a request still running under the same key is retried, with the same Idempotency-Key, after a
 * short pause. `info` is read at every attempt, as a restarted runtime listens on other ports.
 */
export function retryingClient(
  info: () => LocalInfo,
  options: { maxAttempts?: number; pauseMs?: number } = {},
): RetryingClient {
  const maxAttempts = options.maxAttempts ?? 200;
  const pauseMs = options.pauseMs ?? 50;
  const counts: ClientCounts = {
    requests: 0,
    serverErrors: 0,
    networkErrors: 0,
    inProgress: 0,
    throttled: 0,
    replayed: 0,
  };
  const call = async <T>(
    method: string,
    path: string,
    as: Caller,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> => {
    const what = `${method} ${path}`;
    for (let attempt = 1; ; attempt++) {
      let failure: string;
      try {
        const response = await once(info(), method, path, as, body, idempotencyKey);
        counts.requests++;
        const text = await response.text();
        if (response.status >= 200 && response.status < 300) {
          if (response.headers.get('idempotent-replayed') === 'true') counts.replayed++;
          return (text ? JSON.parse(text) : undefined) as T;
        }
        const stillRunning = response.status === 409 && /IN_PROGRESS|in progress/i.test(text);
        if (!RETRYABLE_STATUS.has(response.status) && !stillRunning)
          throw new ApiError(response.status, text, what);
        if (response.status === 429) counts.throttled++;
        else if (stillRunning) counts.inProgress++;
        else counts.serverErrors++;
        failure = `${response.status} ${text.slice(0, 200)}`;
      } catch (error) {
        if (error instanceof ApiError) throw error;
        counts.networkErrors++;
        failure = (error as Error).message;
      }
      if (attempt >= maxAttempts) throw new Error(`${what}: gave up after ${attempt} attempts (${failure})`);
      await sleep(Math.min(pauseMs * attempt, 1000));
    }
  };
  return Object.assign(call, { counts: () => ({ ...counts }) }) as RetryingClient;
}

function once(
  info: LocalInfo,
  method: string,
  path: string,
  as: Caller,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as === 'storefront') headers['x-api-key'] = info.apiKey;
  else headers.authorization = `Bearer ${info.staffTokens[as]}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return fetch(`${info.apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
