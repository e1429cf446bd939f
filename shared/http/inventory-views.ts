import { type Product, reservedUnits, type Stock } from '../domain/inventory';
import { formatAmount, type Money } from '../domain/money';
import { normalizedStock, reservedIn } from '../domain/stock-levels';

/** The API's shapes of products and stock: money as decimal strings, reservations as a list. */

const price = (money: Money) => ({ amount: formatAmount(money), currency: money.currency });

export function productView(product: Product) {
  const { unitCost, price: listPrice, ...rest } = product;
  return {
    ...rest,
    ...(unitCost ? { unitCost: price(unitCost) } : {}),
    ...(listPrice ? { price: price(listPrice) } : {}),
  };
}

/**
 * A sku's stock: totals over its warehouses and each warehouse's figures. `warehouse` is the one the
 * answer is about (the warehouse a receipt or count went into), the sku's home warehouse otherwise;
 * the reorder point and maximum beside the totals are that warehouse's.
 */
export function stockView(stock: Stock, focus?: string) {
  const levels = normalizedStock(stock, stock.sku);
  const warehouse = focus ?? levels.warehouse;
  const focused = levels.warehouses[warehouse];
  const reservations = Object.entries(stock.reservations)
    .map(([orderId, quantity]) => ({ orderId, quantity }))
    .sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  const warehouses = Object.keys(levels.warehouses)
    .sort()
    .map((name) => {
      const w = levels.warehouses[name];
      return {
        warehouse: name,
        onHand: w.onHand,
        available: w.available,
        reserved: reservedIn(levels, name),
        incoming: w.incoming,
        ...(w.reorderPoint !== undefined ? { reorderPoint: w.reorderPoint } : {}),
        ...(w.maxStock !== undefined ? { maxStock: w.maxStock } : {}),
        ...(w.reorderPoint !== undefined ? { belowReorderPoint: w.available <= w.reorderPoint } : {}),
      };
    });
  const reorderPoint = focused?.reorderPoint;
  return {
    sku: stock.sku,
    warehouse,
    onHand: stock.onHand,
    available: stock.available,
    reserved: reservedUnits(stock),
    incoming: warehouses.reduce((sum, w) => sum + w.incoming, 0),
    ...(reorderPoint !== undefined ? { reorderPoint } : {}),
    ...(focused?.maxStock !== undefined ? { maxStock: focused.maxStock } : {}),
    ...(reorderPoint !== undefined ? { belowReorderPoint: focused!.available <= reorderPoint } : {}),
    warehouses,
    reservations,
  };
}
