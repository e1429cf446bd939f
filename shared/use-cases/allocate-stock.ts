import type { DomainEvent } from '../contracts/events';
import { planAllocation, type SkuQuantity } from '../domain/allocation';
import type { Actor, Order } from '../domain/order';
import {
  allowsPartialShipments,
  closeDispatchedShipment,
  currentShipmentNo,
  describeUnits,
  remainingToShip,
  shipmentChangeId,
} from '../domain/shipments';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { InventoryRepository } from '../ports/inventory';
import type { OrderRepository } from '../ports/orders';
import { OrderCancelledError } from './order-cancelled-error';
import { retryOnConflict } from './retry-on-conflict';

export interface AllocateStockDeps {
  orders: OrderRepository;
  inventory: InventoryRepository;
  events: EventPublisher;
  clock: Clock;
  /** When the short stock is expected (procurement/supply-outlook.ts); sets the stock wait's SLA. */
  supply?: (order: Order, shortfalls: { sku: string; short: number }[]) => Promise<Order['supply']>;
}

const SYSTEM: Actor = { kind: 'system', id: 'workflow' };

/**
 * What the workflow does next: `complete`, every unit still to ship is held; `readyToPack`, there is
 * something to pack now (complete, or an order shipped in parts holds part of it); `backorder`, the
 * shipment packed now leaves units behind for a later one (the workflow loops back here after it).
 */
export interface AllocationOutcome {
  complete: boolean;
  readyToPack: boolean;
  backorder: boolean;
}

/**
 * The workflow's stock step: reserves every line (each a conditional write on the sku's stock, so
 * concurrent orders never oversell), keeps what was reserved and what is short on the order, queues
 * the order for each short sku (by its creation time, so older orders are served first) and asks
 * procurement for the shortfall; once complete, leaves every queue and announces StockAllocated.
 *
 * An order that allows partial shipments reserves what is still to ship (ordered less shipped): after
 * a shipment left, this step closes it and allocates the backorder for the next one. With a shortfall
 * it still goes on with what it holds (StockAllocated for that part, ProcurementRequested for the rest).
 *
 * Idempotent: a reservation tops the order's holding up to the quantity ordered, never beyond, so a
 * retry, or a new run after a receipt, reserves only what is still missing; events carry the same
 * changeId for the same change. A cancelled order throws OrderCancelledError for compensation.
 */
export function makeAllocateStock({ orders, inventory, events, clock, supply }: AllocateStockDeps) {
  return async (orderId: string): Promise<AllocationOutcome> => {
    // Someone else may write the order meanwhile (a cancel, a payment): read it again and redo, which is safe.
    const { plan, shortfalls, reservations, now, outcome, shipmentNo } = await retryOnConflict(async () => {
      const read = await orders.get(orderId);
      if (!read) throw new NotFoundError(`order ${orderId} not found`);
      refuseIfCancelled(read);
      const partial = allowsPartialShipments(read);
      // The shipment that left is closed; what it held left with it (dispatch-stock).
      const order = closeDispatchedShipment(read);
      const shipmentNo = currentShipmentNo(order);

      const ordered = partial ? remainingToShip(order) : orderedPerSku(order.lines);
      const reservations: SkuQuantity[] = [];
      for (const { sku, quantity } of ordered) {
        if (quantity === 0) continue;
        const held = await inventory.reserve(sku, orderId, await fairShare(inventory, order, sku, quantity));
        if (held > 0) reservations.push({ sku, quantity: held });
      }
      const plan = planAllocation(ordered, {}, reservations);
      const shortfalls = plan.shortfalls.map(({ sku, short }) => ({ sku, short }));
      const shortSkus = new Set(shortfalls.map(({ sku }) => sku));
      for (const { sku, short } of shortfalls)
        await inventory.addWaiting(sku, orderId, short, order.createdAt);
      for (const { sku } of ordered) if (!shortSkus.has(sku)) await inventory.removeWaiting(sku, orderId);

      const now = clock.now().toISOString();
      const expected = shortfalls.length && supply ? await supply(order, shortfalls) : undefined;
      const readyToPack = plan.complete || (partial && reservations.length > 0);
      const outcome = { complete: plan.complete, readyToPack, backorder: readyToPack && !plan.complete };
      const closed = order !== read;
      if (closed || !sameAllocation(order, reservations, shortfalls) || !sameSupply(order, expected)) {
        const described = partial ? partialEntry(shipmentNo, outcome, reservations, shortfalls) : undefined;
        await orders.save({
          ...withAllocation(order, reservations, shortfalls, now, described),
          supply: expected,
        });
      }
      return { plan, shortfalls, reservations, now, outcome, shipmentNo };
    });

    const allocated = outcome.readyToPack
      ? [stockAllocated(orderId, reservations, now, shipmentNo, outcome.backorder ? shortfalls : undefined)]
      : [];
    const requested = plan.complete
      ? []
      : shortfalls.map(({ sku, short }) => procurementRequested(orderId, sku, short, now));
    await events.publish([...allocated, ...requested]);
    return outcome;
  };
}

/** The timeline entry of an order shipped in parts: which shipment the reserved units are for. */
function partialEntry(
  shipmentNo: number,
  outcome: AllocationOutcome,
  reservations: SkuQuantity[],
  shortfalls: { sku: string; short: number }[],
): { what: string; note?: string } | undefined {
  const backorder = describeUnits(shortfalls.map(({ sku, short }) => ({ sku, quantity: short })));
  if (outcome.backorder) {
    return {
      what: `Stock reserved for shipment ${shipmentNo}; the rest is on backorder`,
      note: `shipment ${shipmentNo}: ${describeUnits(reservations)}; backorder: ${backorder}`,
    };
  }
  if (shipmentNo === 1) return undefined;
  return outcome.complete
    ? { what: `Stock reserved for shipment ${shipmentNo}`, note: describeUnits(reservations) }
    : { what: `Waiting for stock for the backorder (shipment ${shipmentNo})`, note: `short: ${backorder}` };
}

/**
 * How many units of `sku` this order may hold: what it holds already plus what is available beyond
 * the shortfalls of the orders queued before it — a younger order never takes units an older
 * waiting order needs. (Best effort under races; `reserve` itself never oversells.)
 */
async function fairShare(
  inventory: InventoryRepository,
  order: Order,
  sku: string,
  quantity: number,
): Promise<number> {
  const queue = await inventory.listWaiting(sku);
  const ahead = queue
    .filter((entry) => entry.orderId !== order.orderId && entry.since < order.createdAt)
    .reduce((sum, entry) => sum + entry.short, 0);
  if (ahead === 0) return quantity;
  const held = order.reservations?.find((reservation) => reservation.sku === sku)?.quantity ?? 0;
  const free = Math.max(0, (await inventory.availableFor(sku)) - ahead);
  return Math.min(quantity, held + free);
}

function refuseIfCancelled(order: Order): void {
  if (order.cancellation || order.status === 'CANCELLED') {
    throw new OrderCancelledError(`order ${order.orderId} was cancelled; its stock is to be released`);
  }
}

/** The ordered quantity per sku, in first-seen order (validation refuses repeated skus, but be safe). */
function orderedPerSku(lines: readonly SkuQuantity[]): SkuQuantity[] {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of lines) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

function sameAllocation(order: Order, reservations: SkuQuantity[], shortfalls: Order['shortfalls']): boolean {
  return (
    JSON.stringify(order.reservations ?? null) === JSON.stringify(reservations) &&
    JSON.stringify(order.shortfalls ?? null) === JSON.stringify(shortfalls)
  );
}

function sameSupply(order: Order, expected: Order['supply']): boolean {
  return JSON.stringify(order.supply ?? null) === JSON.stringify(expected ?? null);
}

function withAllocation(
  order: Order,
  reservations: SkuQuantity[],
  shortfalls: NonNullable<Order['shortfalls']>,
  now: string,
  described?: { what: string; note?: string },
): Order {
  const what =
    described?.what ?? (shortfalls.length ? 'Stock partly reserved; waiting for stock' : 'Stock reserved');
  const note = described
    ? described.note
    : shortfalls.length
      ? `short: ${shortfalls.map(({ sku, short }) => `${sku} ${short}`).join(', ')}`
      : undefined;
  return {
    ...order,
    reservations,
    shortfalls,
    updatedAt: now,
    version: order.version + 1,
    timeline: [...order.timeline, { at: now, what, by: SYSTEM, ...(note ? { note } : {}) }],
  };
}

/** StockAllocated: the units to pack now; for a part of an order shipped in parts, which shipment and what waits. */
function stockAllocated(
  orderId: string,
  lines: SkuQuantity[],
  now: string,
  shipmentNo: number,
  backorder?: { sku: string; short: number }[],
): DomainEvent {
  return {
    type: 'StockAllocated',
    detail: {
      version: 1,
      changeId: shipmentChangeId(orderId, 'StockAllocated', shipmentNo),
      occurredAt: now,
      orderId,
      lines,
      ...(backorder || shipmentNo > 1 ? { shipmentNo } : {}),
      ...(backorder ? { backorder: backorder.map(({ sku, short }) => ({ sku, quantity: short })) } : {}),
    },
  };
}

function procurementRequested(orderId: string, sku: string, short: number, now: string): DomainEvent {
  return {
    type: 'ProcurementRequested',
    detail: {
      version: 1,
      changeId: `${orderId}:procurement:${sku}:${short}`,
      occurredAt: now,
      orderId,
      sku,
      quantityShort: short,
    },
  };
}
