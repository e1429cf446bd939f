import type { Stock } from '../../domain/inventory';
import { BELOW_RANK_PREFIX, stockRank } from '../../domain/stock-overview';
import type { StockOverview } from '../../ports/stock-overview';

/** For unit tests: the overview over the in-memory inventory's stock items, in the index's order. */
export function makeInMemoryStockOverview(stock: ReadonlyMap<string, Stock>): StockOverview {
  return {
    async listStock(query) {
      const ranked = [...stock.values()]
        .map((item) => ({ item, rank: stockRank(item) }))
        .filter(({ rank }) => !query.belowReorderPoint || rank.startsWith(BELOW_RANK_PREFIX))
        .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
      const start = query.nextToken ? Number(query.nextToken) : 0;
      const items = ranked.slice(start, start + query.limit).map(({ item }) => structuredClone(item));
      const more = start + query.limit < ranked.length;
      return { items, ...(more ? { nextToken: String(start + query.limit) } : {}) };
    },
  };
}
