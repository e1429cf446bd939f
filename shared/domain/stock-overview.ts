import type { Stock } from './inventory';
import { normalizedStock } from './stock-levels';

/**
 * The stock overview's rule: a sku needs attention when, in any warehouse that has a reorder point,
 * what is available has fallen to it or below. Pure: both adapters list by it, the API shows it.
 */
export function warehousesBelowReorderPoint(stock: Stock): string[] {
  const { warehouses } = normalizedStock(stock, stock.sku);
  return Object.keys(warehouses)
    .filter((name) => {
      const each = warehouses[name];
      return each.reorderPoint !== undefined && each.available <= each.reorderPoint;
    })
    .sort();
}

export const isBelowReorderPoint = (stock: Stock): boolean => warehousesBelowReorderPoint(stock).length > 0;

/**
 * Where a sku sorts in the overview: those below a reorder point first, each group by sku. It is
 * the sort key of the inventory table's `stockOverview` index (dynamodb-stock-overview.ts).
 */
export const stockRank = (stock: Stock): string =>
  `${isBelowReorderPoint(stock) ? 'BELOW' : 'OK'}#${stock.sku}`;
export const BELOW_RANK_PREFIX = 'BELOW#';
