/** Suppliers (`GET /suppliers`) and the stock overview (`GET /inventory`) as the pages show them. Pure. */

export interface Supplier {
  supplierId: string;
  name: string;
  leadTimeDays: number;
  currency?: string;
  skus: string[];
  createdAt: string;
}

/** A supplier's skus in a cell: the first few, and how many more ("A, B, C +4"). */
export function skuSummary(skus: readonly string[], shown = 5): string {
  if (skus.length <= shown) return skus.join(', ');
  return `${skus.slice(0, shown).join(', ')} +${skus.length - shown}`;
}

export interface StockOverviewRow {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
  available: number;
  incoming: number;
  reorderPoint?: number;
  maxStock?: number;
  belowReorderPoint: boolean;
  warehousesBelowReorderPoint: string[];
  warehouseCount: number;
}

/** The overview's filter, from the page's query string: everything unless `below=1`. */
export const belowOnly = (query: URLSearchParams): boolean => query.get('below') === '1';

/** What needs doing about a row's stock: none left, at or below a reorder point (where), or nothing. */
export function stockAttention(row: StockOverviewRow): { level: 'out' | 'reorder' | 'ok'; where: string[] } {
  if (row.onHand <= 0 && row.available <= 0 && row.incoming <= 0)
    return { level: 'out', where: row.warehousesBelowReorderPoint };
  if (row.belowReorderPoint) return { level: 'reorder', where: row.warehousesBelowReorderPoint };
  return { level: 'ok', where: [] };
}
