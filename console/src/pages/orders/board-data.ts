import { ORDER_STATUSES, TERMINAL_STATUSES } from '../../../../shared/domain/order';
import type { ApiClient } from '../../shell/contract';
import type { OrderPage, OrderSummary } from './order-types';

/** The board's columns, in the order's life: the statuses the API knows. */
export const BOARD_STATUSES: readonly string[] = ORDER_STATUSES;

/** Open orders a column shows at most; finished ones (completed, cancelled, rejected) show the latest few. */
const OPEN_LIMIT = 100;
const DONE_LIMIT = 20;
/** A customer's orders: pages read at most (100 orders each). */
const CUSTOMER_PAGES = 5;

export interface BoardFilters {
  customerId?: string;
  country?: string;
  owner?: string;
  stalledOnly?: boolean;
}

export interface BoardColumn {
  status: string;
  orders: OrderSummary[];
  /** The API has more than the column shows. */
  more: boolean;
}

export function filtersFrom(query: URLSearchParams): BoardFilters {
  const value = (name: string) => query.get(name)?.trim() || undefined;
  return {
    customerId: value('customerId'),
    country: value('country')?.toUpperCase(),
    owner: value('owner'),
    stalledOnly: query.get('stalled') === '1',
  };
}

export function queryOf(filters: BoardFilters): string {
  const query = new URLSearchParams();
  if (filters.customerId) query.set('customerId', filters.customerId);
  if (filters.country) query.set('country', filters.country);
  if (filters.owner) query.set('owner', filters.owner);
  if (filters.stalledOnly) query.set('stalled', '1');
  const text = query.toString();
  return text ? `?${text}` : '';
}

const listPath = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  return `/orders?${query}`;
};

/**
 * The board's orders by status. The API lists by status or by customer (no index serves "every
 * order"), so: one call per status, or one customer's orders (a few pages) grouped here; country and
 * owner are the API's filters (`GET /orders?country=&owner=`).
 */
export async function loadBoard(api: ApiClient, filters: BoardFilters): Promise<BoardColumn[]> {
  const narrow = { country: filters.country, owner: filters.owner };
  if (filters.customerId) {
    const orders: OrderSummary[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < CUSTOMER_PAGES; page++) {
      const answer = await api.get<OrderPage>(
        listPath({ customerId: filters.customerId, ...narrow, limit: '100', nextToken }),
      );
      orders.push(...answer.items);
      nextToken = answer.nextToken;
      if (!nextToken) break;
    }
    return BOARD_STATUSES.map((status) => ({
      status,
      orders: orders.filter((order) => order.status === status),
      more: Boolean(nextToken),
    }));
  }
  return Promise.all(
    BOARD_STATUSES.map(async (status) => {
      const limit = TERMINAL_STATUSES.has(status as never) ? DONE_LIMIT : OPEN_LIMIT;
      const answer = await api.get<OrderPage>(listPath({ status, ...narrow, limit: String(limit) }));
      return { status, orders: answer.items, more: Boolean(answer.nextToken) };
    }),
  );
}
