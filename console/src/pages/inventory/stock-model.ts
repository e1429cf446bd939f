/**
 * Stock (`GET /inventory/{sku}`), its ledger (`/movements`), purchase orders and their receipts, as
 * the pages show them. Pure, for the pages and their tests.
 */

import type { Money } from '../../ui/format';

export interface WarehouseStock {
  warehouse: string;
  onHand: number;
  available: number;
  reserved: number;
  incoming: number;
  reorderPoint?: number;
  maxStock?: number;
  belowReorderPoint?: boolean;
}

export interface Stock extends WarehouseStock {
  sku: string;
  warehouses: WarehouseStock[];
  reservations: { orderId: string; quantity: number }[];
}

export type StockLevel = 'ok' | 'reorder' | 'out' | 'over';

/** How a warehouse's stock stands: none available, at or below its reorder point, above its maximum. */
export function stockLevel(stock: WarehouseStock): StockLevel {
  if (stock.available <= 0 && stock.incoming <= 0 && stock.onHand <= 0) return 'out';
  if (stock.belowReorderPoint || (stock.reorderPoint !== undefined && stock.available <= stock.reorderPoint))
    return 'reorder';
  if (stock.maxStock !== undefined && stock.onHand > stock.maxStock) return 'over';
  return 'ok';
}

/** One row per warehouse (the sku's home warehouse first when it has none listed), and their sum. */
export function stockRows(stock: Stock): {
  rows: (WarehouseStock & { level: StockLevel })[];
  total: WarehouseStock;
} {
  const warehouses = stock.warehouses.length > 0 ? stock.warehouses : [stock];
  const rows = warehouses.map((each) => ({ ...each, level: stockLevel(each) }));
  const sum = (pick: (each: WarehouseStock) => number) =>
    warehouses.reduce((total, each) => total + pick(each), 0);
  return {
    rows,
    total: {
      warehouse: '',
      onHand: sum((each) => each.onHand),
      available: sum((each) => each.available),
      reserved: sum((each) => each.reserved),
      incoming: sum((each) => each.incoming),
    },
  };
}

export interface Movement {
  movementId: string;
  at: string;
  sku: string;
  warehouse: string;
  reason: string;
  quantity: number;
  change: { onHand: number; available: number; reserved: number };
  onHand: number;
  available: number;
  reserved: number;
  by: { kind: string; id: string; role?: string };
  orderId?: string;
  purchaseOrderId?: string;
}

/** A change as a signed figure ("+200", "−50", "0"). */
export const signedQuantity = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

export interface PurchaseOrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitCost: Money;
  received: number;
  remaining: number;
}

export interface PurchaseOrder {
  purchaseOrderId: string;
  supplierId: string;
  status: string;
  warehouse: string;
  expectedDate: string;
  currency: string;
  lines: PurchaseOrderLine[];
  requestIds: string[];
  receipts: {
    receiptId: string;
    at: string;
    warehouse: string;
    lines: { lineNo: number; sku: string; quantity: number }[];
  }[];
  createdAt: string;
  updatedAt: string;
}

/** How much of a purchase order has arrived, in units: "120 of 300". */
export function receivedShare(order: Pick<PurchaseOrder, 'lines'>): { received: number; ordered: number } {
  return order.lines.reduce(
    (share, line) => ({ received: share.received + line.received, ordered: share.ordered + line.quantity }),
    { received: 0, ordered: 0 },
  );
}

/**
 * `POST /purchase-orders/{id}/receipts` from the quantities typed per line (by line number): blank and
 * zero lines are left out; undefined when nothing was typed. Whether a quantity fits is the API's call.
 */
export function receiptBody(
  quantities: Record<number, string>,
  warehouse?: string,
): { lines: { lineNo: number; quantity: number }[]; warehouse?: string } | undefined {
  const lines = Object.entries(quantities)
    .map(([lineNo, text]) => ({ lineNo: Number(lineNo), quantity: Number(text.trim() || '0') }))
    .filter((line) => line.quantity !== 0)
    .sort((a, b) => a.lineNo - b.lineNo);
  if (lines.length === 0) return undefined;
  const where = warehouse?.trim();
  return { lines, ...(where ? { warehouse: where } : {}) };
}

export interface Replenishment {
  requestId: string;
  sku: string;
  warehouse: string;
  quantity: number;
  raisedAt: string;
  purchaseOrderId?: string;
}

/**
 * The lines of a new purchase order, typed one per line as "SKU, quantity, unit cost"; the number
 * (from 1) of the first line that does not read so, if any. Blank lines are skipped.
 */
export function parsePurchaseOrderLines(
  text: string,
): { lines: { sku: string; quantity: number; unitCost: string }[] } | { badLine: number } {
  const lines: { sku: string; quantity: number; unitCost: string }[] = [];
  const rows = text.split('\n');
  for (const [index, row] of rows.entries()) {
    if (row.trim() === '') continue;
    const parts = row.split(/[,;\t]/).map((part) => part.trim());
    const [sku, quantity, unitCost] = parts;
    if (parts.length !== 3 || !sku || !/^\d+$/.test(quantity ?? '') || !/^\d+(\.\d+)?$/.test(unitCost ?? ''))
      return { badLine: index + 1 };
    lines.push({ sku, quantity: Number(quantity), unitCost });
  }
  return { lines };
}
