import type { ReceivePurchaseOrderBody } from '../../contracts/procurement';
import type { Stock } from '../../domain/inventory';
import type { Actor } from '../../domain/order';
import { applyReceipt, type PurchaseOrder, remainingOf } from '../../domain/procurement';
import { NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { InventoryRepository } from '../../ports/inventory';
import type { ProcurementRepository } from '../../ports/procurement';
import { retryOnConflict } from '../retry-on-conflict';
import { procurementId } from './procurement-ids';

export interface ReceivePurchaseOrderDeps {
  procurement: ProcurementRepository;
  inventory: Pick<InventoryRepository, 'receive'>;
  clock: Clock;
  /** The orders waiting for a sku resume as after POST /inventory/receipts (makeResumeWaitingOrders). */
  resumeWaiting: (
    sku: string,
    available: number,
  ) => Promise<{ resumedOrderIds: string[]; resumeFailed?: { error: unknown } }>;
  /** Raises a new replenishment request if a sku is still at its reorder point (makeCheckReorder). */
  checkReorder: (sku: string) => Promise<unknown>;
}

export interface PurchaseOrderReceiptResult {
  purchaseOrder: PurchaseOrder;
  receiptId: string;
  stock: Stock[];
  resumedOrderIds: string[];
  /** Resuming failed part way: those orders resume when their wait next times out and re-checks. */
  resumeFailed?: { error: unknown };
}

/**
 * POST /purchase-orders/{id}/receipts: units of some lines arrived (partial or whole). In order,
 * each step safe to repeat after a crash (the receipt's id comes from the Idempotency-Key):
 * 1. the receipt goes on the purchase order (a conditional write on its version): received per line,
 *    status OPEN → PARTIALLY_RECEIVED → RECEIVED; a receipt id already there is not added again;
 * 2. each line's units go from incoming to on hand in the warehouse, with its ledger entry, once per
 *    receipt line (a once-key on the stock item);
 * 3. each sku's incoming supply is updated; the replenishment requests the order answers close
 *    once their sku's line is received in full;
 * 4. the orders waiting for those skus resume exactly as after POST /inventory/receipts, and the
 *    reorder point is checked again.
 */
export function makeReceivePurchaseOrder(deps: ReceivePurchaseOrderDeps) {
  return async (
    purchaseOrderId: string,
    body: ReceivePurchaseOrderBody,
    by: Actor,
    idempotencyKey?: string,
  ): Promise<PurchaseOrderReceiptResult> => {
    const receiptId = idempotencyKey
      ? procurementId('po', `receipt:${purchaseOrderId}:${idempotencyKey}`)
      : procurementId('po');
    const order = await retryOnConflict(async () => {
      const current = await deps.procurement.getPurchaseOrder(purchaseOrderId);
      if (!current) throw new NotFoundError(`purchase order ${purchaseOrderId} does not exist`);
      if (current.receipts.some((receipt) => receipt.receiptId === receiptId)) return current;
      const next = applyReceipt(current, {
        receiptId,
        at: deps.clock.now().toISOString(),
        by,
        warehouse: body.warehouse ?? current.warehouse,
        lines: body.lines,
      });
      await deps.procurement.savePurchaseOrder(next);
      return next;
    });
    const receipt = order.receipts.find((each) => each.receiptId === receiptId)!;

    const stock: Stock[] = [];
    for (const line of receipt.lines) {
      stock.push(
        await deps.inventory.receive(line.sku, line.quantity, {
          warehouse: receipt.warehouse,
          by,
          purchaseOrderId,
          onceKey: `po:${purchaseOrderId}:${receiptId}:${line.lineNo}`,
        }),
      );
    }

    const skus = [...new Set(receipt.lines.map((line) => line.sku))];
    for (const sku of skus) {
      await deps.procurement.setIncoming(sku, {
        purchaseOrderId,
        warehouse: order.warehouse,
        expectedDate: order.expectedDate,
        remaining: remainingOf(order, sku),
      });
      if (remainingOf(order, sku) === 0) await closeRequests(deps.procurement, order, sku);
    }

    const resumedOrderIds: string[] = [];
    let resumeFailed: { error: unknown } | undefined;
    for (const sku of skus) {
      const after = stock.filter((each) => each.sku === sku).at(-1)!;
      const resumed = await deps.resumeWaiting(sku, after.available);
      resumedOrderIds.push(...resumed.resumedOrderIds);
      resumeFailed ??= resumed.resumeFailed;
    }
    for (const sku of skus) await deps.checkReorder(sku);
    return {
      purchaseOrder: order,
      receiptId,
      stock,
      resumedOrderIds,
      ...(resumeFailed ? { resumeFailed } : {}),
    };
  };
}

/** The open request of the sku in the order's warehouse closes if this order answers it, or nobody does. */
async function closeRequests(procurement: ProcurementRepository, order: PurchaseOrder, sku: string) {
  const open = await procurement.getReplenishment(sku, order.warehouse);
  if (!open) return;
  if (!open.purchaseOrderId || open.purchaseOrderId === order.purchaseOrderId) {
    await procurement.closeReplenishment(sku, order.warehouse, open.requestId);
  }
}
