import type { OrderStatus } from './order';

/** A quantity of one sku: a line to reserve, a reservation held, or stock to give back. */
export interface SkuQuantity {
  sku: string;
  quantity: number;
}

export interface Shortfall {
  sku: string;
  ordered: number;
  /** Held for the order after the plan's reservations are made. */
  reserved: number;
  /** What procurement must bring in (ProcurementRequested). */
  short: number;
}

export interface AllocationPlan {
  /** Reservations to make now (the adapter writes each conditionally on the stock still being there). */
  reservations: SkuQuantity[];
  shortfalls: Shortfall[];
  /** True when every ordered unit is held once the reservations are made. */
  complete: boolean;
}

/**
 * Plans the reservations for an order: takes what is available of each sku and reports what is
 * short. Partial stock is reserved too, so units already here stay with the order (oldest first)
 * while the rest is procured. `alreadyReserved` makes a re-plan (after a receipt, or a retried step)
 * ask only for the remainder instead of reserving twice.
 */
export function planAllocation(
  lines: readonly SkuQuantity[],
  available: Readonly<Record<string, number>>,
  alreadyReserved: readonly SkuQuantity[] = [],
): AllocationPlan {
  const held = totals(alreadyReserved);
  const reservations: SkuQuantity[] = [];
  const shortfalls: Shortfall[] = [];
  for (const [sku, ordered] of totals(lines)) {
    const alreadyHeld = Math.min(held.get(sku) ?? 0, ordered);
    const wanted = ordered - alreadyHeld;
    const take = Math.min(wanted, Math.max(0, Math.floor(available[sku] ?? 0)));
    if (take > 0) reservations.push({ sku, quantity: take });
    const reserved = alreadyHeld + take;
    if (reserved < ordered) shortfalls.push({ sku, ordered, reserved, short: ordered - reserved });
  }
  return { reservations, shortfalls, complete: shortfalls.length === 0 };
}

// Once the goods have left the warehouse the reserved stock is gone with them; getting it back is a
// return of goods, not a release.
const GOODS_GONE: ReadonlySet<OrderStatus> = new Set([
  'IN_TRANSIT',
  'DELIVERED',
  'AWAITING_PAYMENT',
  'COMPLETED',
]);

/**
 * What to give back to stock when an order is cancelled in `status`: everything it holds, by sku,
 * in sku order so repeated runs write the same way; nothing once the goods have shipped.
 */
export function releasePlan(reserved: readonly SkuQuantity[], status: OrderStatus): SkuQuantity[] {
  if (GOODS_GONE.has(status)) return [];
  return [...totals(reserved)]
    .filter(([, quantity]) => quantity > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sku, quantity]) => ({ sku, quantity }));
}

/** Quantities summed per sku, in first-seen order. */
function totals(items: readonly SkuQuantity[]): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of items) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return bySku;
}
