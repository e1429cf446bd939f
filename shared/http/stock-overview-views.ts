import type { Stock } from '../domain/inventory';
import { warehousesBelowReorderPoint } from '../domain/stock-overview';
import { stockView } from './inventory-views';

/**
 * One row of the stock overview: the sku's totals over its warehouses (as GET /inventory/{sku}
 * answers them, with its home warehouse's reorder point and maximum) and whether any warehouse is at
 * or below its reorder point, naming those. No reservations: GET /inventory/{sku} has them.
 */
export function stockOverviewView(stock: Stock) {
  const { sku, warehouse, onHand, reserved, available, incoming, reorderPoint, maxStock, warehouses } =
    stockView(stock);
  const below = warehousesBelowReorderPoint(stock);
  return {
    sku,
    warehouse,
    onHand,
    reserved,
    available,
    incoming,
    ...(reorderPoint !== undefined ? { reorderPoint } : {}),
    ...(maxStock !== undefined ? { maxStock } : {}),
    belowReorderPoint: below.length > 0,
    warehousesBelowReorderPoint: below,
    warehouseCount: warehouses.length,
  };
}
