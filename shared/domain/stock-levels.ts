import { ConflictError } from '../errors';
import { checkUnits, DEFAULT_WAREHOUSE, reservationTarget, type Stock } from './inventory';
import type { Actor } from './order';

/**
 * Stock of one sku across warehouses, as pure changes of the sku's one stock item. Each change
 * returns the next item and the movements it made, so both adapters (DynamoDB, in-memory) write the
 * item and its ledger entries the same way, in one conditional write of the item.
 *
 * Allocation rule across warehouses: an order is filled from the warehouse that has the most
 * available first, then the next (ties by warehouse name), so it is split over as few warehouses
 * as possible and the same stock always gives the same split. What it holds is kept per warehouse
 * (`allocations`), so a release, a dispatch or a smaller ask gives back exactly where it took.
 */

/** One warehouse's figures for a sku; `available = onHand − reserved there`. */
export interface WarehouseStock {
  onHand: number;
  available: number;
  /** Units on open purchase orders for this warehouse, not received yet. */
  incoming: number;
  reorderPoint?: number;
  maxStock?: number;
}

export const MOVEMENT_REASONS = ['reservation', 'release', 'receipt', 'shipment', 'adjustment'] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

/** One change of one warehouse's stock, for the ledger: what moved, why, who, and the figures after. */
export interface StockMovement {
  warehouse: string;
  reason: MovementReason;
  /** Units moved (always positive); `change` says in which direction each figure went. */
  quantity: number;
  change: { onHand: number; available: number; reserved: number };
  /** The warehouse's figures after the movement. */
  onHand: number;
  available: number;
  reserved: number;
  by: Actor;
  orderId?: string;
  purchaseOrderId?: string;
  /** The order's shipment the units left with (orders shipped in parts). */
  shipmentNo?: number;
}

/** A movement as the ledger keeps it: a deterministic id (the stock item's version and warehouse). */
export interface LedgerEntry extends StockMovement {
  movementId: string;
  sku: string;
  at: string;
}

export interface StockChange<T> {
  /** Undefined: nothing to write (a retried step that already happened). */
  next?: Stock;
  movements: StockMovement[];
  result: T;
}

/** The workflow changes stock for an order. */
export const WORKFLOW_ACTOR: Actor = { kind: 'system', id: 'workflow' };

/** The stock item with its warehouses and per-warehouse allocations (an item from before warehouses gets them). */
export function normalizedStock(
  stock: Stock | undefined,
  sku: string,
): Required<Pick<Stock, 'warehouses' | 'allocations'>> & Stock {
  if (!stock) {
    return {
      sku,
      onHand: 0,
      available: 0,
      warehouse: DEFAULT_WAREHOUSE,
      reservations: {},
      warehouses: {},
      allocations: {},
      version: 0,
    };
  }
  const home = stock.warehouse ?? DEFAULT_WAREHOUSE;
  const warehouses = stock.warehouses
    ? structuredClone(stock.warehouses)
    : {
        [home]: {
          onHand: stock.onHand,
          available: stock.available,
          incoming: 0,
          ...(stock.reorderPoint !== undefined ? { reorderPoint: stock.reorderPoint } : {}),
          ...(stock.maxStock !== undefined ? { maxStock: stock.maxStock } : {}),
        },
      };
  const allocations = stock.allocations
    ? structuredClone(stock.allocations)
    : Object.fromEntries(
        Object.entries(stock.reservations ?? {}).map(([order, units]) => [order, { [home]: units }]),
      );
  return { ...stock, warehouse: home, warehouses, allocations };
}

/** Units the orders hold in one warehouse. */
export function reservedIn(stock: Pick<Stock, 'allocations'>, warehouse: string): number {
  let total = 0;
  for (const held of Object.values(stock.allocations ?? {})) total += held[warehouse] ?? 0;
  return total;
}

/** Top-level figures (totals, and the home warehouse's settings) from the warehouses: what older readers see. */
function withTotals(stock: ReturnType<typeof normalizedStock>): Stock {
  const home = stock.warehouses[stock.warehouse];
  const reservations: Record<string, number> = {};
  for (const [orderId, held] of Object.entries(stock.allocations)) {
    const units = Object.values(held).reduce((sum, n) => sum + n, 0);
    if (units > 0) reservations[orderId] = units;
    else delete stock.allocations[orderId];
  }
  const values = Object.values(stock.warehouses);
  const { reorderPoint: _r, maxStock: _m, ...rest } = stock;
  return {
    ...rest,
    onHand: values.reduce((sum, w) => sum + w.onHand, 0),
    available: values.reduce((sum, w) => sum + w.available, 0),
    ...(home?.reorderPoint !== undefined ? { reorderPoint: home.reorderPoint } : {}),
    ...(home?.maxStock !== undefined ? { maxStock: home.maxStock } : {}),
    reservations,
    version: stock.version + 1,
  };
}

function figures(stock: ReturnType<typeof normalizedStock>, warehouse: string) {
  const w = stock.warehouses[warehouse];
  return { onHand: w.onHand, available: w.available, reserved: reservedIn(stock, warehouse) };
}

function warehouseOf(stock: ReturnType<typeof normalizedStock>, name: string): WarehouseStock {
  stock.warehouses[name] ??= { onHand: 0, available: 0, incoming: 0 };
  return stock.warehouses[name];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The fill order: most available first, ties by name (the allocation rule above). */
export function fillOrder(warehouses: Record<string, WarehouseStock>): string[] {
  return Object.keys(warehouses)
    .filter((name) => warehouses[name].available > 0)
    .sort((a, b) => warehouses[b].available - warehouses[a].available || byName(a, b));
}

/**
 * Ensures the order holds up to `wanted` units, taking from warehouses by the allocation rule, or
 * giving back what is above `wanted` (from where it holds least first). Idempotent per order.
 */
export function reserveUnits(
  current: Stock | undefined,
  sku: string,
  orderId: string,
  wanted: number,
): StockChange<number> {
  checkUnits(wanted, 'wanted', true);
  if (!current) return { movements: [], result: 0 };
  const stock = normalizedStock(current, sku);
  const held = { ...(stock.allocations[orderId] ?? {}) };
  const holding = Object.values(held).reduce((sum, n) => sum + n, 0);
  const target = reservationTarget(holding, wanted, Math.max(0, current.available));
  if (target === holding) return { movements: [], result: holding };

  const moved: { warehouse: string; units: number; reason: MovementReason }[] = [];
  if (target > holding) {
    let need = target - holding;
    for (const name of fillOrder(stock.warehouses)) {
      if (need === 0) break;
      const units = Math.min(need, stock.warehouses[name].available);
      stock.warehouses[name].available -= units;
      held[name] = (held[name] ?? 0) + units;
      need -= units;
      moved.push({ warehouse: name, units, reason: 'reservation' });
    }
  } else {
    let excess = holding - target;
    for (const name of Object.keys(held).sort((a, b) => held[a] - held[b] || byName(a, b))) {
      if (excess === 0) break;
      const units = Math.min(excess, held[name]);
      held[name] -= units;
      if (held[name] === 0) delete held[name];
      warehouseOf(stock, name).available += units;
      excess -= units;
      moved.push({ warehouse: name, units, reason: 'release' });
    }
  }
  stock.allocations[orderId] = held;
  const next = withTotals(stock);
  return {
    next,
    result: target,
    movements: moved.map(({ warehouse, units, reason }) => ({
      warehouse,
      reason,
      quantity: units,
      change:
        reason === 'reservation'
          ? { onHand: 0, available: -units, reserved: units }
          : { onHand: 0, available: units, reserved: -units },
      ...figures(stock, warehouse),
      by: WORKFLOW_ACTOR,
      orderId,
    })),
  };
}

/**
 * Ends the order's reservation in every warehouse: `release` gives the units back to available;
 * `shipment` takes them off hand (they left with the goods). Returns the units; 0 the second time.
 * `quantity` ends only that many units (one shipment of an order shipped in parts: the rest stays
 * reserved), taken from the warehouses in name order; `shipmentNo` is kept on the ledger entries.
 */
export function endReservation(
  current: Stock | undefined,
  sku: string,
  orderId: string,
  reason: 'release' | 'shipment',
  options: { quantity?: number; shipmentNo?: number } = {},
): StockChange<number> {
  if (!current) return { movements: [], result: 0 };
  const stock = normalizedStock(current, sku);
  const held = stock.allocations[orderId] ?? {};
  const total = Object.values(held).reduce((sum, n) => sum + n, 0);
  const ending = options.quantity === undefined ? total : Math.min(total, Math.max(0, options.quantity));
  if (ending === 0) return { movements: [], result: 0 };
  const taken: Record<string, number> = {};
  let left = ending;
  for (const name of Object.keys(held).sort(byName)) {
    const units = Math.min(left, held[name]);
    if (units <= 0) continue;
    taken[name] = units;
    left -= units;
  }
  const kept = Object.fromEntries(
    Object.entries(held)
      .map(([name, units]) => [name, units - (taken[name] ?? 0)] as const)
      .filter(([, units]) => units > 0),
  );
  if (Object.keys(kept).length) stock.allocations[orderId] = kept;
  else delete stock.allocations[orderId];
  const names = Object.keys(taken).sort(byName);
  for (const name of names) {
    const w = warehouseOf(stock, name);
    if (reason === 'release') w.available += taken[name];
    else w.onHand -= taken[name];
  }
  const next = withTotals(stock);
  return {
    next,
    result: ending,
    movements: names.map((warehouse) => ({
      warehouse,
      reason,
      quantity: taken[warehouse],
      change:
        reason === 'release'
          ? { onHand: 0, available: taken[warehouse], reserved: -taken[warehouse] }
          : { onHand: -taken[warehouse], available: 0, reserved: -taken[warehouse] },
      ...figures(stock, warehouse),
      by: WORKFLOW_ACTOR,
      orderId,
      ...(options.shipmentNo !== undefined ? { shipmentNo: options.shipmentNo } : {}),
    })),
  };
}

export interface CountSettings {
  onHand: number;
  reorderPoint?: number;
  maxStock?: number;
  warehouse?: string;
}

/**
 * A stock count in one warehouse (the sku's home warehouse when none is named; the first one set
 * becomes home). Reservations stay: onHand may not go below what orders hold there.
 */
export function countStock(
  current: Stock | undefined,
  sku: string,
  settings: CountSettings,
  by: Actor,
): StockChange<Stock> {
  checkUnits(settings.onHand, 'onHand', true);
  const stock = normalizedStock(current, sku);
  if (!current && settings.warehouse) stock.warehouse = settings.warehouse;
  const name = settings.warehouse ?? stock.warehouse;
  const w = warehouseOf(stock, name);
  const reserved = reservedIn(stock, name);
  if (settings.onHand < reserved) {
    throw new ConflictError(
      `sku ${sku} has ${reserved} units reserved in ${name}; onHand cannot be ${settings.onHand}`,
    );
  }
  const delta = settings.onHand - w.onHand;
  w.onHand = settings.onHand;
  w.available = settings.onHand - reserved;
  if (settings.reorderPoint !== undefined) w.reorderPoint = settings.reorderPoint;
  if (settings.maxStock !== undefined) w.maxStock = settings.maxStock;
  const next = withTotals(stock);
  const movements: StockMovement[] =
    delta === 0
      ? []
      : [
          {
            warehouse: name,
            reason: 'adjustment',
            quantity: Math.abs(delta),
            change: { onHand: delta, available: delta, reserved: 0 },
            ...figures(stock, name),
            by,
          },
        ];
  return { next, movements, result: next };
}

/** Units arrived in a warehouse (the home warehouse when none is named); against a PO, they stop being incoming. */
export function receiveUnits(
  current: Stock | undefined,
  sku: string,
  quantity: number,
  options: { warehouse?: string; by: Actor; purchaseOrderId?: string },
): StockChange<Stock> {
  checkUnits(quantity, 'quantity', false);
  const stock = normalizedStock(current, sku);
  if (!current && options.warehouse) stock.warehouse = options.warehouse;
  const name = options.warehouse ?? stock.warehouse;
  const w = warehouseOf(stock, name);
  w.onHand += quantity;
  w.available += quantity;
  if (options.purchaseOrderId) w.incoming = Math.max(0, w.incoming - quantity);
  const next = withTotals(stock);
  return {
    next,
    result: next,
    movements: [
      {
        warehouse: name,
        reason: 'receipt',
        quantity,
        change: { onHand: quantity, available: quantity, reserved: 0 },
        ...figures(stock, name),
        by: options.by,
        ...(options.purchaseOrderId ? { purchaseOrderId: options.purchaseOrderId } : {}),
      },
    ],
  };
}

/** Units ordered from a supplier for a warehouse (not stock yet: no movement). */
export function expectUnits(
  current: Stock | undefined,
  sku: string,
  warehouse: string,
  quantity: number,
): StockChange<Stock> {
  checkUnits(quantity, 'quantity', false);
  const stock = normalizedStock(current, sku);
  if (!current) stock.warehouse = warehouse;
  warehouseOf(stock, warehouse).incoming += quantity;
  const next = withTotals(stock);
  return { next, movements: [], result: next };
}

/** What to order for a warehouse now: none unless what is available and incoming is at or below the reorder point; then up to the maximum (twice the reorder point when no maximum is set). */
export function replenishmentQuantity(w: WarehouseStock): number {
  if (w.reorderPoint === undefined) return 0;
  const position = w.available + w.incoming;
  if (position > w.reorderPoint) return 0;
  const ceiling = w.maxStock ?? Math.max(1, 2 * w.reorderPoint);
  return Math.max(1, ceiling - position);
}
