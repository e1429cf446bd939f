import type { SkuQuantity } from './allocation';
import { type Money, multiply, sum } from './money';
import type { IssuedDocument, Order, OrderLine } from './order';
import { type Package, type PackingTotals, packingTotals } from './packing';
import type { Shipment } from './shipment';
import type { TrackingEvent, TrackingState } from './tracking';

/**
 * Partial shipments (the back-office issue): an order that allows them ships what is allocated and
 * keeps a backorder for the rest, so it may leave in several shipments. Pure.
 *
 * How they are kept: the order's own shipping fields (`packages`, `packingTotals`, `shipment`,
 * `tracking`, `trackingEvents`, `delivery`) are always the CURRENT shipment — for an ordinary order
 * the only one, so it is stored and behaves exactly as before. When an order that allows partial
 * shipments starts its next shipment (the stock step, after the previous one was dispatched), the
 * current one is closed into `order.shipments` and the fields start empty again. Shipment n is
 * `order.shipments[n - 1]` while closed, the current one is number `shipments.length + 1`. So the
 * workflow's waits (packing, shipment) keep reading the order's fields, and everything that shows
 * or changes a given shipment goes through the functions here.
 */

export interface Delivery {
  deliveredAt: string;
  receivedBy?: string;
  recordedAt: string;
}

/** One shipment of an order: what was packed, its booking, its tracking and its delivery. */
export interface ShipmentRecord {
  shipmentNo: number;
  packages?: Package[];
  packingTotals?: PackingTotals;
  shipment?: Shipment & { dispatchedAt: string };
  tracking?: TrackingState;
  trackingEvents?: (TrackingEvent & { recordedAt: string })[];
  delivery?: Delivery;
}

/** The fields of a shipment, as the order keeps them for its current one. */
export type ShipmentFields = Omit<ShipmentRecord, 'shipmentNo'>;

export type ShipmentStatus = 'PACKED' | 'IN_TRANSIT' | 'DELIVERED';

/** Whether the order ships in parts when stock is short (set when it is placed). */
export function allowsPartialShipments(order: Pick<Order, 'allowPartialShipments'>): boolean {
  return order.allowPartialShipments === true;
}

/** The number of the shipment the order is preparing or last sent (1 for an ordinary order). */
export function currentShipmentNo(order: Pick<Order, 'shipments'>): number {
  return (order.shipments?.length ?? 0) + 1;
}

/** The current shipment, read from the order's own fields (empty before it is packed). */
export function currentShipment(order: Order): ShipmentRecord {
  return {
    shipmentNo: currentShipmentNo(order),
    ...(order.packages ? { packages: order.packages } : {}),
    ...(order.packingTotals ? { packingTotals: order.packingTotals } : {}),
    ...(order.shipment ? { shipment: order.shipment } : {}),
    ...(order.tracking ? { tracking: order.tracking } : {}),
    ...(order.trackingEvents ? { trackingEvents: order.trackingEvents } : {}),
    ...(order.delivery ? { delivery: order.delivery } : {}),
  };
}

function started(record: ShipmentRecord): boolean {
  return Boolean(record.packages?.length || record.shipment);
}

/** Every shipment that exists (packed or booked), oldest first. */
export function shipmentsOf(order: Order): ShipmentRecord[] {
  const current = currentShipment(order);
  return [...(order.shipments ?? []), ...(started(current) ? [current] : [])];
}

/** Shipment `shipmentNo`, if it exists (the current one also before it is packed). */
export function shipmentByNo(order: Order, shipmentNo: number): ShipmentRecord | undefined {
  if (shipmentNo === currentShipmentNo(order)) return currentShipment(order);
  return order.shipments?.[shipmentNo - 1];
}

/**
 * The change to the order that sets fields of shipment `shipmentNo` (for `changed()`): the order's
 * own fields for the current shipment, the entry in `shipments` for a closed one.
 */
export function shipmentChange(order: Order, shipmentNo: number, fields: ShipmentFields): Partial<Order> {
  if (shipmentNo === currentShipmentNo(order)) return fields;
  const shipments = (order.shipments ?? []).map((record) =>
    record.shipmentNo === shipmentNo ? { ...record, ...fields } : record,
  );
  return { shipments };
}

export function shipmentStatus(record: ShipmentRecord): ShipmentStatus {
  if (record.delivery) return 'DELIVERED';
  return record.shipment ? 'IN_TRANSIT' : 'PACKED';
}

/** Units per sku in packages, in first-seen order. */
export function linesOfPackages(packages: readonly Package[]): SkuQuantity[] {
  return perSku(packages.flatMap((pkg) => pkg.lines));
}

/** What a shipment carries: its packed units per sku. */
export function shipmentLines(record: ShipmentRecord): SkuQuantity[] {
  return linesOfPackages(record.packages ?? []);
}

/** Units per sku that have left with a booked shipment. */
export function shippedPerSku(order: Order): Map<string, number> {
  const shipped = new Map<string, number>();
  for (const record of shipmentsOf(order)) {
    if (!record.shipment) continue;
    for (const { sku, quantity } of shipmentLines(record))
      shipped.set(sku, (shipped.get(sku) ?? 0) + quantity);
  }
  return shipped;
}

/** Ordered units per sku, in line order (validation refuses repeated skus, but be safe). */
export function orderedPerSku(order: Pick<Order, 'lines'>): SkuQuantity[] {
  return perSku(order.lines.map(({ sku, quantity }) => ({ sku, quantity })));
}

/** What is still to ship per sku: ordered less shipped (every ordered sku, 0 when all shipped). */
export function remainingToShip(order: Order): SkuQuantity[] {
  const shipped = shippedPerSku(order);
  return orderedPerSku(order).map(({ sku, quantity }) => ({
    sku,
    quantity: Math.max(0, quantity - (shipped.get(sku) ?? 0)),
  }));
}

/**
 * What the current shipment must pack: for an ordinary order every ordered unit; for an order that
 * ships in parts what the stock step allocated to this shipment (ordered, not yet shipped, reserved).
 */
export function toPackNow(order: Order): SkuQuantity[] {
  if (!allowsPartialShipments(order)) return orderedPerSku(order);
  return perSku(order.reservations ?? []).filter(({ quantity }) => quantity > 0);
}

/**
 * The backorder: ordered units neither shipped nor allocated to the current shipment (an order that
 * does not ship in parts has none: it waits for everything).
 */
export function backorderOf(order: Order): SkuQuantity[] {
  if (!allowsPartialShipments(order)) return [];
  const inCurrent = new Map(
    (order.shipment ? [] : toPackNow(order)).map(({ sku, quantity }) => [sku, quantity] as const),
  );
  return remainingToShip(order)
    .map(({ sku, quantity }) => ({ sku, quantity: Math.max(0, quantity - (inCurrent.get(sku) ?? 0)) }))
    .filter(({ quantity }) => quantity > 0);
}

/** Whether the order is (or will be) shipped in more than one shipment: its emails and documents say which. */
export function isSplit(order: Order): boolean {
  return allowsPartialShipments(order) && (currentShipmentNo(order) > 1 || backorderOf(order).length > 0);
}

/**
 * The current shipment is booked and left, and something is still to ship: the stock step closes it
 * (into `shipments`) and starts the next. Its reservation ended when its stock was dispatched, so the
 * order holds nothing until the next allocation.
 */
export function closeDispatchedShipment(order: Order): Order {
  if (!allowsPartialShipments(order) || !order.shipment) return order;
  if (remainingToShip(order).every(({ quantity }) => quantity === 0)) return order;
  const {
    packages: _packages,
    packingTotals: _totals,
    shipment: _shipment,
    tracking: _tracking,
    trackingEvents: _events,
    delivery: _delivery,
    ...rest
  } = order;
  return { ...rest, shipments: [...(order.shipments ?? []), currentShipment(order)], reservations: [] };
}

/**
 * Every unit has left and every shipment is delivered: the order is delivered. For an ordinary order,
 * its one delivery.
 */
export function fullyDelivered(order: Order): boolean {
  if (!allowsPartialShipments(order)) return Boolean(order.delivery);
  const shipments = shipmentsOf(order);
  return (
    shipments.length > 0 &&
    shipments.every((record) => record.shipment && record.delivery) &&
    remainingToShip(order).every(({ quantity }) => quantity === 0)
  );
}

/** The delivery recorded last (the one that completed the order's delivery), with its shipment. */
export function lastRecordedDelivery(order: Order): { shipmentNo: number; delivery: Delivery } | undefined {
  let last: { shipmentNo: number; delivery: Delivery } | undefined;
  for (const record of shipmentsOf(order)) {
    if (!record.delivery) continue;
    if (!last || record.delivery.recordedAt >= last.delivery.recordedAt)
      last = { shipmentNo: record.shipmentNo, delivery: record.delivery };
  }
  return last;
}

/** When the last of the goods arrived: settlement counts from it. */
export function lastDeliveredAt(order: Order): string | undefined {
  const dates = shipmentsOf(order)
    .map((record) => record.delivery?.deliveredAt)
    .filter((date): date is string => Boolean(date));
  return dates.sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
}

/**
 * The shipment a carrier update or a delivery is about when the call names none: the current one once
 * booked, else the last one booked (an earlier shipment still on its way while the backorder waits).
 */
export function defaultTransitShipmentNo(order: Order): number {
  if (order.shipment) return currentShipmentNo(order);
  const booked = (order.shipments ?? []).filter((record) => record.shipment && !record.delivery);
  return (booked.at(-1) ?? order.shipments?.at(-1))?.shipmentNo ?? currentShipmentNo(order);
}

/** The value of units at the order's prices (the price of the sku's line). */
export function unitsValue(order: Pick<Order, 'lines' | 'currency'>, units: readonly SkuQuantity[]): Money {
  const price = new Map(order.lines.map((line) => [line.sku, line.unitPrice] as const));
  return sum(
    order.currency,
    units.map(({ sku, quantity }) =>
      multiply(price.get(sku) ?? { currency: order.currency, minor: 0 }, quantity),
    ),
  );
}

/** The value of what has left with booked shipments. */
export function shippedValue(order: Order): Money {
  return unitsValue(
    order,
    [...shippedPerSku(order)].map(([sku, quantity]) => ({ sku, quantity })),
  );
}

/**
 * The order as one shipment's documents see it: that shipment's lines (its packed units at the
 * order's prices, line numbers kept), total, packages and booking. Everything else is the order's.
 */
export function orderForShipment(order: Order, record: ShipmentRecord): Order {
  const packed = new Map(shipmentLines(record).map(({ sku, quantity }) => [sku, quantity] as const));
  const lines: OrderLine[] = order.lines
    .filter((line) => (packed.get(line.sku) ?? 0) > 0)
    .map((line) => {
      const quantity = packed.get(line.sku) ?? 0;
      packed.delete(line.sku);
      return { ...line, quantity, amount: multiply(line.unitPrice, quantity) };
    });
  const {
    packages: _p,
    packingTotals: _t,
    shipment: _s,
    tracking: _tr,
    trackingEvents: _e,
    delivery: _d,
    ...rest
  } = order;
  return {
    ...rest,
    lines,
    total: sum(
      order.currency,
      lines.map((line) => line.amount),
    ),
    ...(record.packages ? { packages: record.packages } : {}),
    ...(record.packages?.length
      ? { packingTotals: record.packingTotals ?? packingTotals(record.packages) }
      : {}),
    ...(record.shipment ? { shipment: record.shipment } : {}),
    ...(record.tracking ? { tracking: record.tracking } : {}),
    ...(record.trackingEvents ? { trackingEvents: record.trackingEvents } : {}),
    ...(record.delivery ? { delivery: record.delivery } : {}),
  };
}

/** The documents issued for a shipment (an ordinary order's shipping documents are shipment 1's). */
export function documentsOfShipment(order: Order, shipmentNo: number): IssuedDocument[] {
  return (order.documents ?? []).filter(
    (document) => (document.shipmentNo ?? (SHIPPING_KINDS.has(document.kind) ? 1 : 0)) === shipmentNo,
  );
}

const SHIPPING_KINDS: ReadonlySet<string> = new Set([
  'commercial-invoice',
  'packing-list',
  'customs-declaration',
]);

/** "6 × VALVE-DN50, 2 × PUMP-3KW" (timeline notes, problems). */
export function describeUnits(units: readonly SkuQuantity[]): string {
  return units.map(({ sku, quantity }) => `${quantity} × ${sku}`).join(', ');
}

function perSku(items: readonly SkuQuantity[]): SkuQuantity[] {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of items) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

/**
 * The changeId of a change that happens once per shipment: the order's usual one for shipment 1 (so
 * an ordinary order's ids are as they always were), with `shipment-<n>` for the later ones.
 */
export function shipmentChangeId(orderId: string, what: string, shipmentNo: number): string {
  return shipmentNo > 1 ? `${orderId}:${what}:shipment-${shipmentNo}` : `${orderId}:${what}`;
}
