import {
  byWaitingOrder,
  checkUnits,
  DEFAULT_WAREHOUSE,
  type Product,
  reservationTarget,
  reservedUnits,
  type Stock,
  type WaitingOrder,
} from '../../domain/inventory';
import { ConflictError } from '../../errors';
import type { InventoryRepository } from '../../ports/inventory';

/**
 * For unit tests: the inventory's contract on Maps. Each operation reads and writes with no await in
 * between, so it is as atomic as the DynamoDB adapter's single conditional write.
 */
export function makeInMemoryInventoryRepository(initial: { products?: Product[]; stock?: Stock[] } = {}) {
  const products = new Map(
    (initial.products ?? []).map((product) => [product.sku, structuredClone(product)]),
  );
  const stock = new Map((initial.stock ?? []).map((item) => [item.sku, structuredClone(item)]));
  const waiting = new Map<string, WaitingOrder[]>();

  const write = (item: Stock): Stock => {
    const next = { ...item, version: item.version + 1 };
    stock.set(item.sku, next);
    return structuredClone(next);
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
    async setStock(sku, settings) {
      const current = stock.get(sku);
      const reserved = reservedUnits(current);
      if (settings.onHand < reserved) {
        throw new ConflictError(
          `sku ${sku} has ${reserved} units reserved; onHand cannot be ${settings.onHand}`,
        );
      }
      return write({
        sku,
        onHand: settings.onHand,
        available: settings.onHand - reserved,
        reorderPoint: settings.reorderPoint ?? current?.reorderPoint,
        maxStock: settings.maxStock ?? current?.maxStock,
        warehouse: settings.warehouse ?? current?.warehouse ?? DEFAULT_WAREHOUSE,
        reservations: { ...current?.reservations },
        version: current?.version ?? 0,
      });
    },
    async reserve(sku, orderId, wanted) {
      checkUnits(wanted, 'wanted', true);
      const current = stock.get(sku);
      if (!current) return 0;
      const held = current.reservations[orderId] ?? 0;
      const target = reservationTarget(held, wanted, current.available);
      if (target === held) return held;
      const reservations = { ...current.reservations, [orderId]: target };
      if (target === 0) delete reservations[orderId];
      write({ ...current, available: current.available - (target - held), reservations });
      return target;
    },
    async release(sku, orderId) {
      const current = stock.get(sku);
      const held = current?.reservations[orderId] ?? 0;
      if (!current || held === 0) return 0;
      const { [orderId]: _released, ...reservations } = current.reservations;
      write({ ...current, available: current.available + held, reservations });
      return held;
    },
    async dispatch(sku, orderId) {
      const current = stock.get(sku);
      const held = current?.reservations[orderId] ?? 0;
      if (!current || held === 0) return 0;
      const { [orderId]: _dispatched, ...reservations } = current.reservations;
      write({ ...current, onHand: current.onHand - held, reservations });
      return held;
    },
    async receive(sku, quantity, options = {}) {
      checkUnits(quantity, 'quantity', false);
      const current = stock.get(sku);
      return write({
        sku,
        onHand: (current?.onHand ?? 0) + quantity,
        available: (current?.available ?? 0) + quantity,
        reorderPoint: current?.reorderPoint,
        maxStock: current?.maxStock,
        warehouse: options.warehouse ?? current?.warehouse ?? DEFAULT_WAREHOUSE,
        reservations: { ...current?.reservations },
        version: current?.version ?? 0,
      });
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
  return Object.assign(repository, { products, stock, waiting });
}
