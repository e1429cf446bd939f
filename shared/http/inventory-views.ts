import { type Product, reservedUnits, type Stock } from '../domain/inventory';
import { formatAmount, type Money } from '../domain/money';

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

export function stockView(stock: Stock) {
  const reservations = Object.entries(stock.reservations)
    .map(([orderId, quantity]) => ({ orderId, quantity }))
    .sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  return {
    sku: stock.sku,
    warehouse: stock.warehouse,
    onHand: stock.onHand,
    available: stock.available,
    reserved: reservedUnits(stock),
    ...(stock.reorderPoint !== undefined ? { reorderPoint: stock.reorderPoint } : {}),
    ...(stock.maxStock !== undefined ? { maxStock: stock.maxStock } : {}),
    ...(stock.reorderPoint !== undefined ? { belowReorderPoint: stock.available <= stock.reorderPoint } : {}),
    reservations,
  };
}
