import type { Order } from '../../domain/order';
import { receivableOf } from '../../domain/receivables';
import type { ReceivableReader } from '../../ports/receivables';

/** For unit tests: the open receivables of the in-memory orders, as the sparse index would hold them. */
export function makeInMemoryReceivableReader(orders: { items: Map<string, Order> }): ReceivableReader {
  return {
    async list(options = {}) {
      return [...orders.items.values()]
        .filter((order) => !options.customerId || order.customerId === options.customerId)
        .flatMap((order) => {
          const receivable = receivableOf(order);
          return receivable ? [structuredClone(receivable)] : [];
        })
        .sort((a, b) => a.customerId.localeCompare(b.customerId) || a.orderId.localeCompare(b.orderId));
    },
  };
}
