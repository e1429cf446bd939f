import type { Order } from '../../domain/order';
import { ConcurrentUpdateError, ConflictError } from '../../errors';
import type { OrderRepository } from '../../ports/orders';

/** For unit tests: the repository's contract (conditions and versions) on a Map. */
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
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      return { items: matching.map((order) => structuredClone(order)) };
    },
  };
  return Object.assign(repository, { items });
}
