import { InvalidInputError } from '../errors';
import type { Money } from './money';

/** A product the company sells: what trade documents and customs need to know about it. */
export interface Product {
  sku: string;
  name: string;
  /** Harmonized System code, as written on customs documents (e.g. "8481.80"). */
  hsCode?: string;
  /** ISO 3166-1 alpha-2 country of origin. */
  originCountry?: string;
  /** Unit of measure, e.g. "pcs". */
  unit?: string;
  netWeightKg?: number;
  grossWeightKg?: number;
  unitCost?: Money;
  price?: Money;
  createdAt?: string;
}

/**
 * Stock of one sku. `reservations` holds what each order has reserved; every write keeps
 * `available = onHand − Σ reservations` true, on one item, in one conditional write.
 */
export interface Stock {
  sku: string;
  onHand: number;
  available: number;
  reorderPoint?: number;
  maxStock?: number;
  /** The sku's home warehouse: where counts and receipts go when no warehouse is named. */
  warehouse: string;
  /** Units held per order, in total over the warehouses. */
  reservations: Record<string, number>;
  /** Per warehouse: on hand, available, incoming, reorder point, maximum (stock-levels.ts). */
  warehouses?: Record<string, import('./stock-levels').WarehouseStock>;
  /** Units held per order and warehouse: where a release or a dispatch gives back. */
  allocations?: Record<string, Record<string, number>>;
  version: number;
}

/** An order waiting for units of a sku; `since` (the order's creation) orders the queue. */
export interface WaitingOrder {
  orderId: string;
  short: number;
  since: string;
}

/** Where stock is kept when nobody said otherwise. */
export const DEFAULT_WAREHOUSE = 'MAIN';

/** Units reserved for orders. */
export function reservedUnits(stock: Pick<Stock, 'reservations'> | undefined): number {
  return Object.values(stock?.reservations ?? {}).reduce((total, quantity) => total + quantity, 0);
}

/**
 * The units an order should hold after asking for `wanted`: what it holds already, topped up from
 * what is available, never more than wanted (a smaller ask gives the excess back).
 */
export function reservationTarget(held: number, wanted: number, available: number): number {
  if (held >= wanted) return wanted;
  return held + Math.min(wanted - held, Math.max(0, available));
}

/** Oldest first; ties by order id, the same order the DynamoDB sort key gives. */
export function byWaitingOrder(a: WaitingOrder, b: WaitingOrder): number {
  const left = `${a.since}#${a.orderId}`;
  const right = `${b.since}#${b.orderId}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Units are whole numbers: refuses anything else before it reaches stock (a bug in the caller). */
export function checkUnits(value: number, name: string, zeroAllowed: boolean): void {
  if (!Number.isSafeInteger(value) || value < (zeroAllowed ? 0 : 1)) {
    throw new InvalidInputError(
      `${name} must be a whole number ${zeroAllowed ? 'of 0 or more' : 'above 0'}`,
      name,
    );
  }
}
