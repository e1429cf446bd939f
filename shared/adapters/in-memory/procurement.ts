import type { PurchaseOrder, ReplenishmentRequest, Supplier } from '../../domain/procurement';
import { ConcurrentUpdateError } from '../../errors';
import type { IncomingSupply, ProcurementRepository } from '../../ports/procurement';

/** For unit tests: the procurement repository's contract on Maps (each call atomic: no await inside). */
export function makeInMemoryProcurementRepository() {
  const suppliers = new Map<string, Supplier>();
  const supplierOfSku = new Map<string, { supplierId: string; leadTimeDays: number }>();
  const purchaseOrders = new Map<string, PurchaseOrder>();
  const incoming = new Map<string, Map<string, IncomingSupply>>();
  const markers = new Map<string, ReplenishmentRequest>();
  const markerKey = (sku: string, warehouse: string) => `${sku}#${warehouse}`;
  /** Every request ever raised, for tests to count. */
  const raised: ReplenishmentRequest[] = [];

  function pageOf<T>(all: T[], options: { limit: number; nextToken?: string }) {
    const start = options.nextToken ? Number(options.nextToken) : 0;
    const items = structuredClone(all.slice(start, start + options.limit));
    return {
      items,
      ...(start + options.limit < all.length ? { nextToken: String(start + options.limit) } : {}),
    };
  }

  const repository: ProcurementRepository = {
    async saveSupplier(supplier) {
      suppliers.set(supplier.supplierId, structuredClone(supplier));
      for (const sku of supplier.skus)
        supplierOfSku.set(sku, { supplierId: supplier.supplierId, leadTimeDays: supplier.leadTimeDays });
    },
    async getSupplier(supplierId) {
      return structuredClone(suppliers.get(supplierId));
    },
    async listSuppliers(options) {
      const newestFirst = (a: Supplier, b: Supplier) =>
        `${a.createdAt}#${a.supplierId}` < `${b.createdAt}#${b.supplierId}` ? 1 : -1;
      return pageOf([...suppliers.values()].sort(newestFirst), options);
    },
    async supplierOf(sku) {
      return structuredClone(supplierOfSku.get(sku));
    },
    async createPurchaseOrder(order) {
      if (purchaseOrders.has(order.purchaseOrderId)) return false;
      purchaseOrders.set(order.purchaseOrderId, structuredClone(order));
      return true;
    },
    async getPurchaseOrder(purchaseOrderId) {
      return structuredClone(purchaseOrders.get(purchaseOrderId));
    },
    async savePurchaseOrder(order) {
      const stored = purchaseOrders.get(order.purchaseOrderId);
      if (!stored || stored.version !== order.version - 1)
        throw new ConcurrentUpdateError(`purchase order ${order.purchaseOrderId} changed meanwhile`);
      purchaseOrders.set(order.purchaseOrderId, structuredClone(order));
    },
    async listPurchaseOrders(options) {
      const all = [...purchaseOrders.values()]
        .filter((order) => !options.status || order.status === options.status)
        .sort((a, b) =>
          `${a.createdAt}#${a.purchaseOrderId}` < `${b.createdAt}#${b.purchaseOrderId}` ? 1 : -1,
        );
      return pageOf(all, options);
    },
    async setIncoming(sku, supply) {
      const bySku = incoming.get(sku) ?? new Map<string, IncomingSupply>();
      if (supply.remaining > 0) bySku.set(supply.purchaseOrderId, { ...supply });
      else bySku.delete(supply.purchaseOrderId);
      incoming.set(sku, bySku);
    },
    async incomingOf(sku) {
      return structuredClone([...(incoming.get(sku)?.values() ?? [])]);
    },
    async raiseReplenishment(request) {
      const key = markerKey(request.sku, request.warehouse);
      const open = markers.get(key);
      if (open) return { raised: false, open: structuredClone(open) };
      markers.set(key, structuredClone(request));
      raised.push(structuredClone(request));
      return { raised: true, open: structuredClone(request) };
    },
    async getReplenishment(sku, warehouse) {
      return structuredClone(markers.get(markerKey(sku, warehouse)));
    },
    async markAnnounced(sku, warehouse, requestId) {
      const open = markers.get(markerKey(sku, warehouse));
      if (open?.requestId === requestId) open.announced = true;
    },
    async linkReplenishment(sku, warehouse, requestId, purchaseOrderId) {
      const open = markers.get(markerKey(sku, warehouse));
      if (open?.requestId !== requestId) return false;
      if (open.purchaseOrderId && open.purchaseOrderId !== purchaseOrderId) return false;
      open.purchaseOrderId = purchaseOrderId;
      return true;
    },
    async closeReplenishment(sku, warehouse, requestId) {
      if (markers.get(markerKey(sku, warehouse))?.requestId === requestId)
        markers.delete(markerKey(sku, warehouse));
    },
    async listOpenReplenishments(options) {
      const all = [...markers.values()].sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : -1));
      return pageOf(all, options);
    },
    async findReplenishment(requestId) {
      return structuredClone([...markers.values()].find((open) => open.requestId === requestId));
    },
  };
  return Object.assign(repository, { suppliers, purchaseOrders, markers, raised });
}
