import type { Order } from '../../domain/order';
import type { OpenWaitIndex } from '../../ports/open-waits';

/** For unit tests: the open-waits index read off an in-memory order repository's items. */
export function makeInMemoryOpenWaitIndex(items: Map<string, Order>): OpenWaitIndex {
  return {
    async listOverdue(now, limit) {
      return [...items.values()]
        .flatMap((order) => {
          const dueAt = order.pendingWait?.dueAt;
          return dueAt && dueAt <= now ? [{ orderId: order.orderId, dueAt }] : [];
        })
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .slice(0, limit);
    },
  };
}
