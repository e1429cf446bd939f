import * as z from '../zod-mini';

/** What shared/http/stock-overview-views.ts answers (documentation: GET /inventory's OpenAPI contract). */
export const stockOverviewItemResponse = z.object({
  sku: z.string(),
  /** The sku's home warehouse: the reorder point and maximum shown are its. */
  warehouse: z.string(),
  onHand: z.int(),
  reserved: z.int(),
  available: z.int(),
  incoming: z.int(),
  reorderPoint: z.optional(z.int()),
  maxStock: z.optional(z.int()),
  /** Available is at or below the reorder point in at least one warehouse. */
  belowReorderPoint: z.boolean(),
  warehousesBelowReorderPoint: z.array(z.string()),
  warehouseCount: z.int(),
});
export const stockOverviewPageResponse = z.object({
  items: z.array(stockOverviewItemResponse),
  nextToken: z.optional(z.string()),
});
