import type {
  PurchaseOrder,
  PurchaseOrderStatus,
  ReplenishmentRequest,
  Supplier,
} from '../domain/procurement';

export interface IncomingSupply {
  purchaseOrderId: string;
  warehouse: string;
  expectedDate: string;
  remaining: number;
}

/**
 * Suppliers, purchase orders and replenishment requests. The open request of a sku in a warehouse is
 * one item written only if absent, so concurrent triggers raise it once.
 */
export interface ProcurementRepository {
  /** Stores the supplier and makes it the supplier of its skus. */
  saveSupplier(supplier: Supplier): Promise<void>;
  getSupplier(supplierId: string): Promise<Supplier | undefined>;
  /** Every supplier, newest first, a page at a time. */
  listSuppliers(options: { limit: number; nextToken?: string }): Promise<{
    items: Supplier[];
    nextToken?: string;
  }>;
  /** The supplier of a sku (the last registered that lists it) and its lead time. */
  supplierOf(sku: string): Promise<{ supplierId: string; leadTimeDays: number } | undefined>;

  /** Stores a new purchase order; false if one with its id exists (a retried creation). */
  createPurchaseOrder(order: PurchaseOrder): Promise<boolean>;
  getPurchaseOrder(purchaseOrderId: string): Promise<PurchaseOrder | undefined>;
  /** Writes the order if its stored version is `order.version - 1`; throws ConcurrentUpdateError otherwise. */
  savePurchaseOrder(order: PurchaseOrder): Promise<void>;
  listPurchaseOrders(options: {
    status?: PurchaseOrderStatus;
    limit: number;
    nextToken?: string;
  }): Promise<{ items: PurchaseOrder[]; nextToken?: string }>;

  /** What each open purchase order still brings of a sku (kept in step with the orders). */
  setIncoming(sku: string, supply: IncomingSupply): Promise<void>;
  incomingOf(sku: string): Promise<IncomingSupply[]>;

  /** Raises the request unless one is open for its sku and warehouse; returns the open one. */
  raiseReplenishment(request: ReplenishmentRequest): Promise<{ raised: boolean; open: ReplenishmentRequest }>;
  getReplenishment(sku: string, warehouse: string): Promise<ReplenishmentRequest | undefined>;
  markAnnounced(sku: string, warehouse: string, requestId: string): Promise<void>;
  /** Links the open request to a purchase order; false if it is not open any more. */
  linkReplenishment(
    sku: string,
    warehouse: string,
    requestId: string,
    purchaseOrderId: string,
  ): Promise<boolean>;
  /** Closes the open request (if it is still `requestId`). */
  closeReplenishment(sku: string, warehouse: string, requestId: string): Promise<void>;
  listOpenReplenishments(options: { limit: number; nextToken?: string }): Promise<{
    items: ReplenishmentRequest[];
    nextToken?: string;
  }>;
  findReplenishment(requestId: string): Promise<ReplenishmentRequest | undefined>;
}
