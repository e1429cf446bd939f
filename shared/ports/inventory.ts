import type { Product, Stock, WaitingOrder } from '../domain/inventory';
import type { Actor } from '../domain/order';
import type { LedgerEntry } from '../domain/stock-levels';

export interface StockSettings {
  onHand: number;
  reorderPoint?: number;
  maxStock?: number;
  warehouse?: string;
}

export interface ReceiveOptions {
  /** The warehouse the units arrived in; the sku's home warehouse when absent. */
  warehouse?: string;
  /** Who received them (the ledger's `by`); the system when absent. */
  by?: Actor;
  /** Received against this purchase order: the units stop being incoming. */
  purchaseOrderId?: string;
  /**
   * Makes the receipt happen once: a second receipt with the same key changes nothing (a retried
   * purchase-order receipt). The key is kept on the stock item for a week.
   */
  onceKey?: string;
}

/** One shipment's units of a sku leaving (partial shipments). */
export interface ShipmentDispatch {
  shipmentNo: number;
  quantity: number;
}

export interface MovementPage {
  items: LedgerEntry[];
  nextToken?: string;
}

/**
 * Products, stock and the queue of orders waiting for stock, per sku. Every stock change is one
 * conditional write on the sku's stock item (no transactions), so concurrent orders never oversell.
 */
export interface InventoryRepository {
  getProduct(sku: string): Promise<Product | undefined>;
  /** Stores a new product; throws ConflictError if the sku exists. */
  createProduct(product: Product): Promise<void>;
  /** The skus (deduplicated, in first-seen order) that are not products. */
  missingProducts(skus: string[]): Promise<string[]>;

  getStock(sku: string): Promise<Stock | undefined>;
  /**
   * Sets what is on hand (a count), keeping the reservations: available = onHand − reserved. Omitted
   * settings keep their value. Throws ConflictError if onHand is below what is reserved.
   */
  setStock(sku: string, settings: StockSettings, by?: Actor): Promise<Stock>;
  /**
   * Ensures `orderId` holds up to `wanted` units of `sku`: tops up from what is available (or gives
   * back what is above `wanted`). Idempotent per order; never oversells. Returns the units now held.
   */
  reserve(sku: string, orderId: string, wanted: number): Promise<number>;
  /** Gives back everything the order holds; returns how many units (0 when it held none). */
  release(sku: string, orderId: string): Promise<number>;
  /**
   * The order's reserved units leave the warehouse (at shipment): on hand goes down by what it
   * holds and its reservation ends; available is unchanged. Idempotent: returns the units
   * dispatched, 0 the second time. Keeps the stock item from growing with every order ever served.
   * With a shipment (an order shipped in parts): only `quantity` units leave, once per shipment and
   * sku (a retry answers 0), and the ledger names the shipment; the rest stays reserved.
   */
  dispatch(sku: string, orderId: string, shipment?: ShipmentDispatch): Promise<number>;
  /** Adds received units to on hand and available, in one warehouse. */
  receive(sku: string, quantity: number, options?: ReceiveOptions): Promise<Stock>;
  /** Units ordered for a warehouse (incoming), once per `onceKey`. */
  expectIncoming(sku: string, warehouse: string, quantity: number, onceKey: string): Promise<Stock>;
  /**
   * The ledger: every movement of the sku's stock (reservation, release, receipt, shipment,
   * adjustment), newest first, optionally of one warehouse. Each stock write records its movements
   * with it, so a retried step that changes nothing records nothing.
   */
  listMovements(
    sku: string,
    options: { warehouse?: string; limit: number; nextToken?: string },
  ): Promise<MovementPage>;
  availableFor(sku: string): Promise<number>;

  /** Puts the order in the sku's queue (or updates its shortfall); one entry per order and sku. */
  addWaiting(sku: string, orderId: string, short: number, since: string): Promise<void>;
  removeWaiting(sku: string, orderId: string): Promise<void>;
  /** The orders waiting for the sku, oldest first. */
  listWaiting(sku: string): Promise<WaitingOrder[]>;
}
