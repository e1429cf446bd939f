import type { DemandRow } from '../domain/product-demand';

/** One row per product and order (its lines for the sku added up), found by product and month. */
export interface ProductDemandRepository {
  /**
   * Stores the row, first write wins for its figures; `void: true` marks it void (cancelled or
   * rejected), whichever of the two writes comes first.
   */
  record(row: DemandRow): Promise<void>;
  /** The product's rows from `fromMonth` to `toMonth`, both included. */
  rows(sku: string, fromMonth: string, toMonth: string): Promise<DemandRow[]>;
}
