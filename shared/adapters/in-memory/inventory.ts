import { byWaitingOrder, type Product, type Stock, type WaitingOrder } from '../../domain/inventory';
import type { Actor } from '../../domain/order';
import {
  countStock,
  endReservation,
  expectUnits,
  type LedgerEntry,
  receiveUnits,
  reserveUnits,
  type StockChange,
} from '../../domain/stock-levels';
import { ConflictError } from '../../errors';
import type { InventoryRepository } from '../../ports/inventory';

const SYSTEM: Actor = { kind: 'system', id: 'inventory' };

/**
 * For unit tests: the inventory's contract on Maps. Each operation reads and writes with no await in
 * between, so it is as atomic as the DynamoDB adapter's single conditional write.
 */
export function makeInMemoryInventoryRepository(
  initial: { products?: Product[]; stock?: Stock[] } = {},
  now: () => Date = () => new Date(),
) {
  const products = new Map(
    (initial.products ?? []).map((product) => [product.sku, structuredClone(product)]),
  );
  const stock = new Map((initial.stock ?? []).map((item) => [item.sku, structuredClone(item)]));
  const waiting = new Map<string, WaitingOrder[]>();

  const ledger = new Map<string, LedgerEntry[]>();
  const once = new Set<string>();

  /** The pure change, written with its ledger entries at once (no await in between: atomic here). */
  const apply = <T>(
    sku: string,
    change: (current: Stock | undefined) => StockChange<T>,
    onceKey?: string,
  ): T => {
    const current = stock.get(sku);
    if (onceKey && once.has(`${sku}:${onceKey}`)) return structuredClone(current) as T;
    const { next, movements, result } = change(current && structuredClone(current));
    if (!next) return result;
    stock.set(sku, structuredClone(next));
    if (onceKey) once.add(`${sku}:${onceKey}`);
    const at = now().toISOString();
    const entries = ledger.get(sku) ?? [];
    for (const movement of movements) {
      const movementId = `${String(next.version).padStart(10, '0')}#${movement.warehouse}`;
      entries.push({ ...movement, movementId, sku, at });
    }
    ledger.set(sku, entries);
    return structuredClone(result);
  };

  const repository: InventoryRepository = {
    async getProduct(sku) {
      const product = products.get(sku);
      return product && structuredClone(product);
    },
    async createProduct(product) {
      if (products.has(product.sku)) throw new ConflictError(`product ${product.sku} exists`);
      products.set(product.sku, structuredClone(product));
    },
    async missingProducts(skus) {
      return [...new Set(skus)].filter((sku) => !products.has(sku));
    },

    async getStock(sku) {
      const item = stock.get(sku);
      return item && structuredClone(item);
    },
    async setStock(sku, settings, by = SYSTEM) {
      return apply(sku, (current) => countStock(current, sku, settings, by));
    },
    async reserve(sku, orderId, wanted) {
      return apply(sku, (current) => reserveUnits(current, sku, orderId, wanted));
    },
    async release(sku, orderId) {
      return apply(sku, (current) => endReservation(current, sku, orderId, 'release'));
    },
    async dispatch(sku, orderId, shipment) {
      if (!shipment) return apply(sku, (current) => endReservation(current, sku, orderId, 'shipment'));
      const dispatched: unknown = apply(
        sku,
        (current) => endReservation(current, sku, orderId, 'shipment', shipment),
        `shipment#${orderId}#${shipment.shipmentNo}`,
      );
      return typeof dispatched === 'number' ? dispatched : 0;
    },
    async receive(sku, quantity, options = {}) {
      return apply(
        sku,
        (current) => receiveUnits(current, sku, quantity, { ...options, by: options.by ?? SYSTEM }),
        options.onceKey,
      );
    },
    async expectIncoming(sku, warehouse, quantity, onceKey) {
      return apply(sku, (current) => expectUnits(current, sku, warehouse, quantity), onceKey);
    },
    async listMovements(sku, options) {
      const all = (ledger.get(sku) ?? [])
        .filter((entry) => !options.warehouse || entry.warehouse === options.warehouse)
        // Newest first, by movement id, as the DynamoDB sort key gives them.
        .sort((a, b) => (a.movementId < b.movementId ? 1 : -1));
      const start = options.nextToken ? Number(options.nextToken) : 0;
      const items = all.slice(start, start + options.limit);
      const more = start + options.limit < all.length;
      return { items: structuredClone(items), ...(more ? { nextToken: String(start + options.limit) } : {}) };
    },
    async availableFor(sku) {
      return stock.get(sku)?.available ?? 0;
    },

    async addWaiting(sku, orderId, short, since) {
      const others = (waiting.get(sku) ?? []).filter((entry) => entry.orderId !== orderId);
      waiting.set(sku, [...others, { orderId, short, since }].sort(byWaitingOrder));
    },
    async removeWaiting(sku, orderId) {
      waiting.set(
        sku,
        (waiting.get(sku) ?? []).filter((entry) => entry.orderId !== orderId),
      );
    },
    async listWaiting(sku) {
      return structuredClone(waiting.get(sku) ?? []);
    },
  };
  return Object.assign(repository, { products, stock, waiting, ledger });
}
