import type { ListPurchaseOrdersQuery, MovementsQuery } from '../../contracts/procurement';
import type { Stock } from '../../domain/inventory';
import { normalizedStock } from '../../domain/stock-levels';
import { NotFoundError } from '../../errors';
import type { InventoryRepository } from '../../ports/inventory';
import type { ProcurementRepository } from '../../ports/procurement';

/** GET /inventory/{sku}: the stock per warehouse and in total (all zero before any count or receipt). */
export function makeGetStock({
  inventory,
}: {
  inventory: Pick<InventoryRepository, 'getProduct' | 'getStock'>;
}) {
  return async (sku: string): Promise<Stock> => {
    if (!(await inventory.getProduct(sku))) throw new NotFoundError(`product ${sku} does not exist`);
    return (await inventory.getStock(sku)) ?? normalizedStock(undefined, sku);
  };
}

/** GET /inventory/{sku}/movements: the ledger, newest first, a page at a time. */
export function makeListMovements({
  inventory,
}: {
  inventory: Pick<InventoryRepository, 'getProduct' | 'listMovements'>;
}) {
  return async (sku: string, query: MovementsQuery) => {
    if (!(await inventory.getProduct(sku))) throw new NotFoundError(`product ${sku} does not exist`);
    return inventory.listMovements(sku, query);
  };
}

export function makeGetPurchaseOrder({ procurement }: { procurement: ProcurementRepository }) {
  return async (purchaseOrderId: string) => {
    const order = await procurement.getPurchaseOrder(purchaseOrderId);
    if (!order) throw new NotFoundError(`purchase order ${purchaseOrderId} does not exist`);
    return order;
  };
}

export function makeListPurchaseOrders({ procurement }: { procurement: ProcurementRepository }) {
  return (query: ListPurchaseOrdersQuery) => procurement.listPurchaseOrders(query);
}

export function makeListReplenishments({ procurement }: { procurement: ProcurementRepository }) {
  return (query: { limit: number; nextToken?: string }) => procurement.listOpenReplenishments(query);
}

/** GET /suppliers: every supplier, newest first, a page at a time. */
export function makeListSuppliers({
  procurement,
}: {
  procurement: Pick<ProcurementRepository, 'listSuppliers'>;
}) {
  return (query: { limit: number; nextToken?: string }) => procurement.listSuppliers(query);
}
