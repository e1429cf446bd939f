import { PURCHASE_ORDER_STATUSES } from '../domain/procurement';
import { MOVEMENT_REASONS } from '../domain/stock-levels';
import * as z from '../zod-mini';
import { stockResponse } from './inventory-responses';

/** What shared/http/procurement-views.ts answers (documentation: the OpenAPI contract of each route). */

const money = z.object({ amount: z.string(), currency: z.string() });
const page = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextToken: z.optional(z.string()) });

export const movementResponse = z.object({
  movementId: z.string(),
  at: z.string(),
  sku: z.string(),
  warehouse: z.string(),
  reason: z.enum(MOVEMENT_REASONS),
  quantity: z.int(),
  change: z.object({ onHand: z.int(), available: z.int(), reserved: z.int() }),
  onHand: z.int(),
  available: z.int(),
  reserved: z.int(),
  by: z.object({ kind: z.string(), id: z.string(), role: z.optional(z.string()) }),
  orderId: z.optional(z.string()),
  purchaseOrderId: z.optional(z.string()),
  /** The order's shipment the units left with (an order shipped in parts). */
  shipmentNo: z.optional(z.int()),
});
export const movementPageResponse = page(movementResponse);

export const supplierResponse = z.object({
  supplierId: z.string(),
  name: z.string(),
  leadTimeDays: z.int(),
  currency: z.optional(z.string()),
  skus: z.array(z.string()),
  createdAt: z.string(),
});
export const supplierPageResponse = page(supplierResponse);

export const purchaseOrderResponse = z.object({
  purchaseOrderId: z.string(),
  supplierId: z.string(),
  status: z.enum(PURCHASE_ORDER_STATUSES),
  warehouse: z.string(),
  expectedDate: z.string(),
  currency: z.string(),
  lines: z.array(
    z.object({
      lineNo: z.int(),
      sku: z.string(),
      quantity: z.int(),
      unitCost: money,
      received: z.int(),
      remaining: z.int(),
    }),
  ),
  requestIds: z.array(z.string()),
  receipts: z.array(
    z.object({
      receiptId: z.string(),
      at: z.string(),
      warehouse: z.string(),
      lines: z.array(z.object({ lineNo: z.int(), sku: z.string(), quantity: z.int() })),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const purchaseOrderPageResponse = page(purchaseOrderResponse);

export const purchaseOrderReceiptResponse = z.object({
  receiptId: z.string(),
  purchaseOrder: purchaseOrderResponse,
  stock: z.array(stockResponse),
  resumedOrderIds: z.array(z.string()),
  note: z.optional(z.string()),
});

export const replenishmentResponse = z.object({
  requestId: z.string(),
  sku: z.string(),
  warehouse: z.string(),
  quantity: z.int(),
  raisedAt: z.string(),
  purchaseOrderId: z.optional(z.string()),
});
export const replenishmentPageResponse = page(replenishmentResponse);
