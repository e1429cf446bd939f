import type { Stock } from '../domain/inventory';

export interface StockOverviewQuery {
  /** Only the skus at or below a reorder point in some warehouse. */
  belowReorderPoint?: boolean;
  limit: number;
  nextToken?: string;
}

/**
 * Every sku's stock item, a page at a time: those below a reorder point first, then the others,
 * each group by sku (stock-overview.ts's `stockRank`). Read from an index, never a table scan.
 */
export interface StockOverview {
  listStock(query: StockOverviewQuery): Promise<{ items: Stock[]; nextToken?: string }>;
}
