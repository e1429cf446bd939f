import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The running local system, as `npm start` describes it in `<data dir>/local.json`. */
export interface LocalInfo {
  apiUrl: string;
  apiKey: string;
  staffTokens: Record<string, string>;
  sesUrl: string;
  adminUrl: string;
}

export function readLocalInfo(dataDir = process.env.TRADEFLOW_DATA_DIR ?? '.tradeflow'): LocalInfo {
  const file = join(resolve(dataDir), 'local.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalInfo;
  } catch {
    throw new Error(`no ${file}: start the system first with \`npm start\` (in another terminal)`);
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** Calls the API as a storefront (`as: 'storefront'`) or as a staff role, like any client would. */
export function apiClient(info: LocalInfo) {
  return async <T = Record<string, unknown>>(
    method: string,
    path: string,
    as: string,
    body?: unknown,
  ): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as === 'storefront') headers['x-api-key'] = info.apiKey;
    else headers.authorization = `Bearer ${info.staffTokens[as]}`;
    const response = await fetch(`${info.apiUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiError(response.status, json, `${method} ${path}`);
    return json as T;
  };
}

export type Api = ReturnType<typeof apiClient>;

/** Polls the order until it reaches one of `statuses`; fails after `timeoutMs`. */
export async function waitForStatus(
  api: Api,
  orderId: string,
  statuses: string[],
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await api<Record<string, unknown>>('GET', `/orders/${orderId}`, 'sales');
    if (statuses.includes(String(order.status))) return order;
    if (Date.now() > deadline)
      throw new Error(
        `order ${orderId} is ${order.status}, not ${statuses.join(' or ')}, after ${timeoutMs / 1000} s`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
