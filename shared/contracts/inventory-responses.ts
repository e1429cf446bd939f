import * as z from '../zod-mini';

/**
 * What shared/http/inventory-views.ts and the receipt handler answer. Documentation only (no handler
 * imports it); test/unit/openapi/response-schemas.test.ts checks real views against it, key for key.
 */

const money = z.object({ amount: z.string(), currency: z.string() });

export const productResponse = z.object({
  sku: z.string(),
  name: z.string(),
  hsCode: z.optional(z.string()),
  originCountry: z.optional(z.string()),
  unit: z.optional(z.string()),
  netWeightKg: z.optional(z.number()),
  grossWeightKg: z.optional(z.number()),
  unitCost: z.optional(money),
  price: z.optional(money),
  createdAt: z.optional(z.string()),
});

/** One warehouse's figures for a sku. */
export const warehouseStockResponse = z.object({
  warehouse: z.string(),
  onHand: z.int(),
  available: z.int(),
  reserved: z.int(),
  incoming: z.int(),
  reorderPoint: z.optional(z.int()),
  maxStock: z.optional(z.int()),
  belowReorderPoint: z.optional(z.boolean()),
});

export const stockResponse = z.object({
  sku: z.string(),
  /** The warehouse the answer is about (a count's or receipt's), the sku's home warehouse otherwise. */
  warehouse: z.string(),
  onHand: z.int(),
  available: z.int(),
  reserved: z.int(),
  incoming: z.int(),
  reorderPoint: z.optional(z.int()),
  maxStock: z.optional(z.int()),
  belowReorderPoint: z.optional(z.boolean()),
  warehouses: z.array(warehouseStockResponse),
  reservations: z.array(z.object({ orderId: z.string(), quantity: z.int() })),
});

/** `POST /inventory/receipts`: the stock after the receipt and the orders it resumed. */
export const receiptResponse = z.object({
  sku: z.string(),
  received: z.int(),
  stock: stockResponse,
  resumedOrderIds: z.array(z.string()),
  note: z.optional(z.string()),
});
