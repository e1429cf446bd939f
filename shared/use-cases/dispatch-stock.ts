import { NotFoundError } from '../errors';
import type { InventoryRepository } from '../ports/inventory';
import type { OrderRepository } from '../ports/orders';

/**
 * The goods have shipped: what the order held leaves the warehouse (on hand goes down, the
 * reservation ends). Idempotent per sku, so a retried step changes nothing twice.
 */
export function makeDispatchStock({
  orders,
  inventory,
}: {
  orders: OrderRepository;
  inventory: Pick<InventoryRepository, 'dispatch'>;
}) {
  return async (orderId: string): Promise<{ dispatched: { sku: string; quantity: number }[] }> => {
    const order = await orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    const dispatched: { sku: string; quantity: number }[] = [];
    for (const sku of new Set(order.lines.map((line) => line.sku))) {
      const quantity = await inventory.dispatch(sku, orderId);
      if (quantity > 0) dispatched.push({ sku, quantity });
    }
    return { dispatched };
  };
}
