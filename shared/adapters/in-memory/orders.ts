import type { Order } from '../../domain/order';
import { summarize } from '../../domain/order-summary';
import { ConcurrentUpdateError, ConflictError } from '../../errors';
import type { OrderPage, OrderRepository } from '../../ports/orders';
import { InvalidPageTokenError } from '../page-token';

/** For unit tests: the repository's contract (conditions, versions, index order, pages) on a Map. */
export function makeInMemoryOrderRepository(initial: Order[] = []) {
  const items = new Map(initial.map((order) => [order.orderId, structuredClone(order)]));
  const repository: OrderRepository = {
    async create(order) {
      if (items.has(order.orderId)) throw new ConflictError(`order ${order.orderId} exists`);
      items.set(order.orderId, structuredClone(order));
    },
    async get(orderId) {
      const order = items.get(orderId);
      return order && structuredClone(order);
    },
    async save(order) {
      if (items.get(order.orderId)?.version !== order.version - 1) {
        throw new ConcurrentUpdateError(`order ${order.orderId} changed since it was read`);
      }
      items.set(order.orderId, structuredClone(order));
    },
    async listByStatus(status, options = {}) {
      const matching = [...items.values()]
        .filter(
          (order) =>
            order.status === status && (!options.updatedBefore || order.updatedAt < options.updatedBefore),
        )
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.orderId.localeCompare(b.orderId));
      if (options.newestFirst) matching.reverse();
      return pageOf(matching, options);
    },
    async listByExternalRef(externalRef, options = {}) {
      const matching = [...items.values()]
        .filter((order) => order.externalRef === externalRef)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.orderId.localeCompare(a.orderId));
      const page = pageOf(matching, options);
      const placedBy = new Map(matching.map((order) => [order.orderId, order.placedBy.id]));
      return {
        ...page,
        items: page.items.filter(
          (order) => !options.placedBy || placedBy.get(order.orderId) === options.placedBy,
        ),
      };
    },
    async listByCustomer(customerId, options = {}) {
      const matching = [...items.values()]
        .filter((order) => order.customerId === customerId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.orderId.localeCompare(a.orderId));
      // As DynamoDB does it: the limit counts orders read, the status filter applies after.
      const page = pageOf(matching, options);
      return {
        ...page,
        items: page.items.filter((order) => !options.status || order.status === options.status),
      };
    },
  };
  return Object.assign(repository, { items });
}

function pageOf(orders: Order[], options: { limit?: number; nextToken?: string }): OrderPage {
  const start = options.nextToken ? offsetOf(options.nextToken) : 0;
  const end = start + (options.limit ?? 100);
  return {
    items: orders.slice(start, end).map((order) => structuredClone(summarize(order))),
    ...(end < orders.length ? { nextToken: `offset-${end}` } : {}),
  };
}

function offsetOf(token: string): number {
  const match = /^offset-(\d+)$/.exec(token);
  if (!match) throw new InvalidPageTokenError();
  return Number(match[1]);
}
