import type { CreatePurchaseOrderBody } from '../../contracts/procurement';
import { DEFAULT_WAREHOUSE } from '../../domain/inventory';
import { parseAmount } from '../../domain/money';
import type { Actor } from '../../domain/order';
import { dateAfter, type PurchaseOrder, type ReplenishmentRequest } from '../../domain/procurement';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { InventoryRepository } from '../../ports/inventory';
import type { ProcurementRepository } from '../../ports/procurement';
import { procurementId } from './procurement-ids';

export interface CreatePurchaseOrderDeps {
  procurement: ProcurementRepository;
  inventory: Pick<InventoryRepository, 'missingProducts' | 'expectIncoming'>;
  clock: Clock;
  /** The orders already waiting for these skus get the order's date as their stock wait's SLA (makeRefreshStockWaits). */
  refreshWaits?: (skus: string[]) => Promise<unknown>;
}

/**
 * POST /purchase-orders: an order to a supplier, free or for open replenishment requests (each
 * request's sku must be on a line, for the same warehouse). Its units become incoming in the
 * warehouse, and each sku's incoming supply (its date, for the SLA of waiting orders) is kept.
 *
 * Every step is safe to repeat: the id comes from the Idempotency-Key, the order is written only if
 * absent, incoming is added once per line (a once-key on the stock item), requests are linked only
 * to this order. A retry after a crash finishes what the first attempt began.
 */
export function makeCreatePurchaseOrder({
  procurement,
  inventory,
  clock,
  refreshWaits,
}: CreatePurchaseOrderDeps) {
  return async (
    body: CreatePurchaseOrderBody,
    by: Actor,
    idempotencyKey?: string,
  ): Promise<PurchaseOrder> => {
    const supplier = await procurement.getSupplier(body.supplierId);
    if (!supplier) throw new NotFoundError(`supplier ${body.supplierId} does not exist`);
    const missing = await inventory.missingProducts(body.lines.map((line) => line.sku));
    if (missing.length) {
      const index = body.lines.findIndex((line) => line.sku === missing[0]);
      throw new InvalidInputError(`sku ${missing[0]} is not a product`, `lines.${index}.sku`);
    }
    const warehouse = body.warehouse ?? DEFAULT_WAREHOUSE;
    const purchaseOrderId = procurementId('po', idempotencyKey);
    const requests = await requestsFor(procurement, body, warehouse, purchaseOrderId);

    const now = clock.now().toISOString();
    const draft: PurchaseOrder = {
      purchaseOrderId,
      supplierId: supplier.supplierId,
      warehouse,
      expectedDate: body.expectedDate ?? dateAfter(now, supplier.leadTimeDays),
      currency: body.currency,
      lines: body.lines.map((line, index) => ({
        lineNo: index + 1,
        sku: line.sku,
        quantity: line.quantity,
        unitCost: parseAmount(line.unitCost, body.currency),
        received: 0,
      })),
      status: 'OPEN',
      requestIds: requests.map((request) => request.requestId),
      receipts: [],
      createdBy: by,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const created = await procurement.createPurchaseOrder(draft);
    const order = created ? draft : await procurement.getPurchaseOrder(purchaseOrderId);
    if (!order) throw new ConflictError(`purchase order ${purchaseOrderId} could not be read back`);

    for (const line of order.lines) {
      await inventory.expectIncoming(
        line.sku,
        order.warehouse,
        line.quantity,
        `po:${order.purchaseOrderId}:${line.lineNo}`,
      );
      await procurement.setIncoming(line.sku, {
        purchaseOrderId: order.purchaseOrderId,
        warehouse: order.warehouse,
        expectedDate: order.expectedDate,
        remaining: line.quantity - line.received,
      });
    }
    for (const request of requests) {
      await procurement.linkReplenishment(
        request.sku,
        request.warehouse,
        request.requestId,
        order.purchaseOrderId,
      );
    }
    await refreshWaits?.(order.lines.map((line) => line.sku));
    return order;
  };
}

/** The open requests named, each for a sku on a line and the order's warehouse, not answered by another order. */
async function requestsFor(
  procurement: ProcurementRepository,
  body: CreatePurchaseOrderBody,
  warehouse: string,
  purchaseOrderId: string,
): Promise<ReplenishmentRequest[]> {
  const requests: ReplenishmentRequest[] = [];
  for (const [index, requestId] of body.requestIds.entries()) {
    const field = `requestIds.${index}`;
    const request = await procurement.findReplenishment(requestId);
    if (!request) throw new ConflictError(`replenishment request ${requestId} is not open`, 'CLOSED');
    if (request.purchaseOrderId && request.purchaseOrderId !== purchaseOrderId) {
      throw new ConflictError(
        `replenishment request ${requestId} is answered by purchase order ${request.purchaseOrderId}`,
        'ORDERED',
      );
    }
    if (request.warehouse !== warehouse)
      throw new InvalidInputError(
        `request ${requestId} is for warehouse ${request.warehouse}, not ${warehouse}`,
        field,
      );
    if (!body.lines.some((line) => line.sku === request.sku))
      throw new InvalidInputError(`request ${requestId} is for ${request.sku}, which is on no line`, field);
    requests.push(request);
  }
  return requests;
}
