import type { Order } from '../domain/order';
import type { InventoryRepository } from '../ports/inventory';

/**
 * Whether the stock wait can end: for every sku the order is short of, what is available covers the
 * shortfalls of the orders queued before it plus its own (oldest first: a younger order never takes
 * units an older one is waiting for).
 */
export function makeStockAvailable(inventory: Pick<InventoryRepository, 'availableFor' | 'listWaiting'>) {
  return async (order: Order): Promise<boolean> => {
    for (const { sku, short } of order.shortfalls ?? []) {
      const queue = await inventory.listWaiting(sku);
      const position = queue.findIndex((entry) => entry.orderId === order.orderId);
      const ahead = (position < 0 ? queue : queue.slice(0, position)).reduce(
        (sum, entry) => sum + entry.short,
        0,
      );
      if ((await inventory.availableFor(sku)) < ahead + short) return false;
    }
    return true;
  };
}
