import type { ApiClient, ApiError } from './contract';

/** An `ApiError` that is also an `Error` (a stack in the console, `instanceof` for the shell). */
export class ApiRequestError extends Error implements ApiError {
  override name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  /** The API's base URL, absolute or relative to the page (`/`, `/v1`). */
  baseUrl: string;
  token: string;
  /** A 401: the token expired or was refused; the shell signs the person out. */
  onUnauthorized: () => void;
  /** Messages for failures the API did not describe (the network, a non-JSON answer). */
  describe: (status: number) => string;
  fetch?: typeof fetch;
}

export interface ConsoleApiClient extends ApiClient {
  /** A file (a document PDF), fetched with the token: links cannot carry it. */
  blob(path: string, accept?: string): Promise<Blob>;
}

const newIdempotencyKey = () => crypto.randomUUID();

/**
 * Every call as the signed-in staff member: the bearer token, JSON both ways, an Idempotency-Key on
 * every POST (a retried submission is then done once), and every non-2xx as an `ApiError` carrying
 * the API's own code, message and field.
 */
export function createApiClient(options: ApiClientOptions): ConsoleApiClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = new URL(
    options.baseUrl,
    typeof location === 'undefined' ? 'http://localhost/' : location.href,
  );
  const url = (path: string) =>
    `${base.origin}${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> },
  ) => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${options.token}`,
      ...init.headers,
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(url(path), {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch {
      throw new ApiRequestError(0, 'NETWORK', options.describe(0));
    }
    if (!response.ok) throw await errorOf(response, options);
    return response;
  };

  const json = async <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await call(method, path, { body, headers });
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };

  return {
    get: (path) => json('GET', path),
    post: (path, body, requestOptions) =>
      json('POST', path, body ?? {}, {
        'idempotency-key': requestOptions?.idempotencyKey ?? newIdempotencyKey(),
      }),
    put: (path, body) => json('PUT', path, body ?? {}),
    patch: (path, body) => json('PATCH', path, body ?? {}),
    url,
    blob: async (path, accept = 'application/pdf') =>
      (await call('GET', path, { headers: { accept } })).blob(),
  };
}

async function errorOf(response: Response, options: ApiClientOptions): Promise<ApiRequestError> {
  if (response.status === 401) options.onUnauthorized();
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; field?: string }; message?: string }
    | undefined;
  const error = body?.error;
  return new ApiRequestError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? body?.message ?? options.describe(response.status),
    error?.field,
  );
}
