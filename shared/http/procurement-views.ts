import { formatAmount } from '../domain/money';
import type { PurchaseOrder, ReplenishmentRequest, Supplier } from '../domain/procurement';
import type { LedgerEntry } from '../domain/stock-levels';

/** The API's shapes of the stock ledger, suppliers, purchase orders and replenishment requests. */

export function movementView(entry: LedgerEntry) {
  return {
    movementId: entry.movementId,
    at: entry.at,
    sku: entry.sku,
    warehouse: entry.warehouse,
    reason: entry.reason,
    quantity: entry.quantity,
    change: entry.change,
    onHand: entry.onHand,
    available: entry.available,
    reserved: entry.reserved,
    by: { kind: entry.by.kind, id: entry.by.id, ...(entry.by.role ? { role: entry.by.role } : {}) },
    ...(entry.orderId ? { orderId: entry.orderId } : {}),
    ...(entry.purchaseOrderId ? { purchaseOrderId: entry.purchaseOrderId } : {}),
    ...(entry.shipmentNo !== undefined ? { shipmentNo: entry.shipmentNo } : {}),
  };
}

export function supplierView(supplier: Supplier) {
  return {
    supplierId: supplier.supplierId,
    name: supplier.name,
    leadTimeDays: supplier.leadTimeDays,
    ...(supplier.currency ? { currency: supplier.currency } : {}),
    skus: supplier.skus,
    createdAt: supplier.createdAt,
  };
}

export function purchaseOrderView(order: PurchaseOrder) {
  return {
    purchaseOrderId: order.purchaseOrderId,
    supplierId: order.supplierId,
    status: order.status,
    warehouse: order.warehouse,
    expectedDate: order.expectedDate,
    currency: order.currency,
    lines: order.lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: line.quantity,
      unitCost: { amount: formatAmount(line.unitCost), currency: line.unitCost.currency },
      received: line.received,
      remaining: line.quantity - line.received,
    })),
    requestIds: order.requestIds,
    receipts: order.receipts.map((receipt) => ({
      receiptId: receipt.receiptId,
      at: receipt.at,
      warehouse: receipt.warehouse,
      lines: receipt.lines,
    })),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export function replenishmentView(request: ReplenishmentRequest) {
  return {
    requestId: request.requestId,
    sku: request.sku,
    warehouse: request.warehouse,
    quantity: request.quantity,
    raisedAt: request.raisedAt,
    ...(request.purchaseOrderId ? { purchaseOrderId: request.purchaseOrderId } : {}),
  };
}
