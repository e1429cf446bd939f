import type { ListOrdersQuery } from '../contracts/order-actions';
import type { Actor } from '../domain/order';
import type { OrderSummary } from '../domain/order-summary';
import { InvalidInputError } from '../errors';
import type { CustomerOwners } from '../ports/customer-owners';
import type { OrderPage, OrderRepository } from '../ports/orders';

/**
 * GET /orders: orders in a status (last changed first), a customer's orders (newest first), a
 * customer's orders in a status, or the orders with a shop's order id. Listing every order at once is
 * not served by any index, so one filter is required. A storefront lists only its own orders, by
 * their shop order ids.
 */
export function makeListOrders({ orders, owners }: { orders: OrderRepository; owners?: CustomerOwners }) {
  const listed = async (query: ListOrdersQuery, caller: Actor): Promise<OrderPage> => {
    const { status, customerId, externalRef, limit, nextToken } = query;
    if (caller.kind === 'storefront') {
      if (!externalRef || status || customerId || query.country || query.owner) {
        throw new InvalidInputError(
          'a storefront lists its orders by the id its shop gave them: give externalRef (and no other filter)',
          'externalRef',
          'FILTER_REQUIRED',
        );
      }
      return orders.listByExternalRef(externalRef, { placedBy: caller.id, limit, nextToken });
    }
    if (externalRef) {
      if (status || customerId || query.country || query.owner) {
        throw new InvalidInputError('externalRef is not combined with other filters', 'externalRef');
      }
      return orders.listByExternalRef(externalRef, { limit, nextToken });
    }
    if (customerId) return orders.listByCustomer(customerId, { status, limit, nextToken });
    if (status) return orders.listByStatus(status, { limit, nextToken, newestFirst: true });
    throw new InvalidInputError(
      'give status, customerId (or both) or externalRef: orders are listed by status, by customer or by shop order id, not all at once',
      'status',
      'FILTER_REQUIRED',
    );
  };

  /**
   * `country` and `owner` narrow a listing by status or customer: no index serves them, so the
   * listing reads on, a page at a time, until it has `limit` matches or has read MAX_READS pages
   * (then `nextToken` says where to go on; a page may hold fewer than `limit`, even none).
   */
  return async (query: ListOrdersQuery, caller: Actor): Promise<OrderPage> => {
    if (!query.country && !query.owner) return listed(query, caller);
    if (query.owner && !owners) throw new Error('listing by owner needs the customer owners');
    const keep = async (items: OrderSummary[]) => {
      const byCountry = query.country ? items.filter((o) => o.destinationCountry === query.country) : items;
      if (!query.owner || !owners || byCountry.length === 0) return byCountry;
      const ownerOf = await owners.ownersOf([...new Set(byCountry.map((o) => o.customerId))]);
      return byCountry.filter((o) => ownerOf.get(o.customerId) === query.owner);
    };
    const items: OrderSummary[] = [];
    let nextToken = query.nextToken;
    for (let reads = 0; reads < MAX_READS && items.length < query.limit; reads++) {
      const page = await listed({ ...query, limit: query.limit - items.length, nextToken }, caller);
      items.push(...(await keep(page.items)));
      nextToken = page.nextToken;
      if (!nextToken) break;
    }
    return { items, ...(nextToken ? { nextToken } : {}) };
  };
}

/** Index pages a filtered listing reads before answering with what it found. */
const MAX_READS = 10;
