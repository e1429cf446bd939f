import { demandWindow, productDemand } from '../domain/product-demand';
import type { Clock } from '../ports/clock';
import type { ProductDemandRepository } from '../ports/product-demand';

/**
 * GET /products/{sku}/demand?months=: the last `months` complete months and the current one, by month
 * and by customer, with a 3-month forecast (shared/domain/product-demand.ts says how). A product
 * nobody ordered answers zeros: demand is about what was ordered, not what is in the catalogue.
 */
export function makeProductDemand(deps: { demand: ProductDemandRepository; clock: Clock }) {
  return async (sku: string, months: number) => {
    const now = deps.clock.now();
    const { complete, current } = demandWindow(now, months);
    const rows = await deps.demand.rows(sku, complete[0], current);
    return productDemand(sku, rows, now, months);
  };
}
