import { ConflictError, InvalidInputError } from '../errors';
import type { Money } from './money';
import type { Actor } from './order';

/**
 * Suppliers, purchase orders and replenishment requests. Pure: what a receipt does to a purchase
 * order, when the order is received, and when a supplier's stock is expected.
 */

export interface Supplier {
  supplierId: string;
  name: string;
  /** Days from ordering to the goods being in the warehouse. */
  leadTimeDays: number;
  currency?: string;
  /** The skus this supplier supplies: it becomes their supplier (the last one registered for a sku). */
  skus: string[];
  createdAt: string;
}

export const PURCHASE_ORDER_STATUSES = ['OPEN', 'PARTIALLY_RECEIVED', 'RECEIVED'] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export interface PurchaseOrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitCost: Money;
  received: number;
}

export interface PurchaseOrderReceipt {
  receiptId: string;
  at: string;
  by: Actor;
  warehouse: string;
  lines: { lineNo: number; sku: string; quantity: number }[];
}

export interface PurchaseOrder {
  purchaseOrderId: string;
  supplierId: string;
  warehouse: string;
  /** ISO date (YYYY-MM-DD) the supplier's goods are expected. */
  expectedDate: string;
  currency: string;
  lines: PurchaseOrderLine[];
  status: PurchaseOrderStatus;
  /** The replenishment requests it was raised for (each closed by its receipt). */
  requestIds: string[];
  receipts: PurchaseOrderReceipt[];
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An open replenishment request: available + incoming fell to the reorder point of a sku in a warehouse. */
export interface ReplenishmentRequest {
  requestId: string;
  sku: string;
  warehouse: string;
  /** Up to the maximum. */
  quantity: number;
  raisedAt: string;
  /** ReplenishmentRequested was published for it. */
  announced: boolean;
  /** The purchase order raised for it, once there is one. */
  purchaseOrderId?: string;
}

export function statusOf(lines: readonly PurchaseOrderLine[]): PurchaseOrderStatus {
  if (lines.every((line) => line.received >= line.quantity)) return 'RECEIVED';
  return lines.some((line) => line.received > 0) ? 'PARTIALLY_RECEIVED' : 'OPEN';
}

/**
 * A receipt against the order: each line's units, no more than are still to come. Lines are named
 * by `lineNo` or by `sku` (when the sku is on one line). Returns the order after it.
 */
export function applyReceipt(
  order: PurchaseOrder,
  receipt: {
    receiptId: string;
    at: string;
    by: Actor;
    warehouse: string;
    lines: { lineNo?: number; sku?: string; quantity: number }[];
  },
): PurchaseOrder {
  if (order.status === 'RECEIVED') {
    throw new ConflictError(`purchase order ${order.purchaseOrderId} is received in full`, order.status);
  }
  const lines = order.lines.map((line) => ({ ...line }));
  const received: PurchaseOrderReceipt['lines'] = [];
  receipt.lines.forEach((wanted, index) => {
    const matches = lines.filter((line) =>
      wanted.lineNo !== undefined ? line.lineNo === wanted.lineNo : line.sku === wanted.sku,
    );
    if (matches.length !== 1) {
      throw new InvalidInputError(
        matches.length
          ? `sku ${wanted.sku} is on several lines: name the line by lineNo`
          : `no line ${wanted.lineNo ?? wanted.sku} on purchase order ${order.purchaseOrderId}`,
        `lines.${index}`,
      );
    }
    const line = matches[0];
    const left = line.quantity - line.received;
    if (wanted.quantity > left) {
      throw new InvalidInputError(
        `line ${line.lineNo} (${line.sku}) has ${left} units still to receive, not ${wanted.quantity}`,
        `lines.${index}.quantity`,
      );
    }
    line.received += wanted.quantity;
    received.push({ lineNo: line.lineNo, sku: line.sku, quantity: wanted.quantity });
  });
  return {
    ...order,
    lines,
    status: statusOf(lines),
    receipts: [
      ...order.receipts,
      {
        receiptId: receipt.receiptId,
        at: receipt.at,
        by: receipt.by,
        warehouse: receipt.warehouse,
        lines: received,
      },
    ],
    updatedAt: receipt.at,
    version: order.version + 1,
  };
}

/** Units of a sku still to come on a purchase order. */
export function remainingOf(order: PurchaseOrder, sku: string): number {
  return order.lines
    .filter((line) => line.sku === sku)
    .reduce((sum, line) => sum + line.quantity - line.received, 0);
}

/** The calendar date `days` after an instant (UTC), as YYYY-MM-DD. */
export function dateAfter(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What an order waiting for stock may expect: a PO's date where open POs cover what is queued, else the supplier's lead time. */
export interface SupplyOutlook {
  /** The longest lead time among short skus no purchase order covers. */
  supplierLeadTimeDays?: number;
  /** The latest expected date of the purchase orders that cover the other short skus (ISO). */
  stockExpectedAt?: string;
}

export interface SkuSupply {
  sku: string;
  /** Units needed up to and including this order (the queue ahead of it plus its own shortfall). */
  needed: number;
  leadTimeDays?: number;
  /** Open purchase orders of the sku: units still to come and their date, earliest first. */
  incoming: { expectedDate: string; remaining: number }[];
}

/**
 * For each short sku: if open purchase orders, earliest first, bring at least what is needed, the
 * date of the one that completes it; otherwise the supplier's lead time. The longest of each wins.
 */
export function supplyOutlook(skus: readonly SkuSupply[]): SupplyOutlook {
  let leadTime: number | undefined;
  let expected: string | undefined;
  for (const sku of skus) {
    let covered = 0;
    let date: string | undefined;
    for (const po of [...sku.incoming].sort((a, b) => (a.expectedDate < b.expectedDate ? -1 : 1))) {
      covered += po.remaining;
      if (covered >= sku.needed) {
        date = po.expectedDate;
        break;
      }
    }
    if (date) {
      const at = new Date(`${date}T00:00:00.000Z`).toISOString();
      if (!expected || at > expected) expected = at;
    } else if (sku.leadTimeDays !== undefined) {
      leadTime = Math.max(leadTime ?? 0, sku.leadTimeDays);
    }
  }
  return {
    ...(leadTime !== undefined ? { supplierLeadTimeDays: leadTime } : {}),
    ...(expected ? { stockExpectedAt: expected } : {}),
  };
}
