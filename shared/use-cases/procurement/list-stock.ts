import type { StockOverview, StockOverviewQuery } from '../../ports/stock-overview';

/**
 * GET /inventory: every sku's stock, those at or below a reorder point first (or only those), a
 * page at a time. Skus with a product but no stock item yet (never counted or received) are not listed.
 */
export function makeListStock({ overview }: { overview: StockOverview }) {
  return (query: StockOverviewQuery) => overview.listStock(query);
}
