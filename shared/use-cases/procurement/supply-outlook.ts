import type { Order } from '../../domain/order';
import { type SkuSupply, supplyOutlook } from '../../domain/procurement';
import type { InventoryRepository } from '../../ports/inventory';
import type { ProcurementRepository } from '../../ports/procurement';

/**
 * When an order's short stock is expected: for each short sku, what the queue needs up to this order
 * against the open purchase orders (their dates), else its supplier's lead time (supplyOutlook).
 */
export function makeSupplyOutlook(deps: {
  procurement: Pick<ProcurementRepository, 'supplierOf' | 'incomingOf'>;
  inventory: Pick<InventoryRepository, 'listWaiting' | 'availableFor'>;
}) {
  return async (order: Order, shortfalls: { sku: string; short: number }[]): Promise<Order['supply']> => {
    const skus: SkuSupply[] = [];
    for (const { sku, short } of shortfalls) {
      const queue = await deps.inventory.listWaiting(sku);
      const ahead = queue
        .filter((entry) => entry.orderId !== order.orderId && entry.since < order.createdAt)
        .reduce((sum, entry) => sum + entry.short, 0);
      const [supplier, incoming, available] = await Promise.all([
        deps.procurement.supplierOf(sku),
        deps.procurement.incomingOf(sku),
        deps.inventory.availableFor(sku),
      ]);
      skus.push({
        sku,
        needed: Math.max(0, ahead + short - available),
        ...(supplier ? { leadTimeDays: supplier.leadTimeDays } : {}),
        incoming,
      });
    }
    const outlook = supplyOutlook(skus);
    return Object.keys(outlook).length ? outlook : undefined;
  };
}
