import { allowsPartialShipments, currentShipment, shipmentLines } from '../domain/shipments';
import { NotFoundError } from '../errors';
import type { InventoryRepository } from '../ports/inventory';
import type { OrderRepository } from '../ports/orders';

/**
 * The goods have shipped: what the order held leaves the warehouse (on hand goes down, the
 * reservation ends). Idempotent per sku, so a retried step changes nothing twice.
 *
 * An order shipped in parts dispatches its current shipment: exactly the units packed in it, once
 * per shipment and sku (the ledger's `shipment` movements name the shipment); whatever else it holds
 * stays reserved.
 */
export function makeDispatchStock({
  orders,
  inventory,
}: {
  orders: OrderRepository;
  inventory: Pick<InventoryRepository, 'dispatch'>;
}) {
  return async (
    orderId: string,
  ): Promise<{ dispatched: { sku: string; quantity: number }[]; shipmentNo?: number }> => {
    const order = await orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    const dispatched: { sku: string; quantity: number }[] = [];
    if (allowsPartialShipments(order)) {
      const shipment = currentShipment(order);
      for (const { sku, quantity } of shipmentLines(shipment)) {
        const left = await inventory.dispatch(sku, orderId, { shipmentNo: shipment.shipmentNo, quantity });
        if (left > 0) dispatched.push({ sku, quantity: left });
      }
      return { dispatched, shipmentNo: shipment.shipmentNo };
    }
    for (const sku of new Set(order.lines.map((line) => line.sku))) {
      const quantity = await inventory.dispatch(sku, orderId);
      if (quantity > 0) dispatched.push({ sku, quantity });
    }
    return { dispatched };
  };
}
