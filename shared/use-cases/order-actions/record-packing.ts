import type { DomainEvent } from '../../contracts/events';
import type { RecordPackingBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { checkPacking, type Package, type PackingWords, packingTotals } from '../../domain/packing';
import { assertNoProblems } from '../../domain/problem';
import {
  backorderOf,
  describeUnits,
  isSplit,
  type ShipmentRecord,
  shipmentChangeId,
  toPackNow,
} from '../../domain/shipments';
import { ConflictError } from '../../errors';
import {
  type ActionResult,
  changed,
  eventBase,
  type OrderActionDeps,
  runOrderAction,
  sameContent,
} from '../order-action';
import { packingOrBookingTarget } from './shipment-target';

/**
 * POST /orders/{id}/packing (warehouse): the packing list. Every ordered unit must be packed exactly
 * once (400 listing each difference); the list and its totals are kept, OrderPacked announces them,
 * and the workflow's wait for packing ends. The same list again is a repeat; a different one after the first is a 409.
 *
 * An order shipped in parts packs its open shipment: exactly the units allocated to it (the rest is
 * on backorder), named in the problems ("6 allocated to shipment 1, 10 packed"). `shipmentNo` may name
 * the shipment; naming an earlier one repeats its list or is a 409.
 */
export function makeRecordPacking(deps: OrderActionDeps) {
  return (orderId: string, body: RecordPackingBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: RecordPackingBody, by: Actor, now: string): ActionResult {
  const { packages } = body;
  const target = packingOrBookingTarget(order, body.shipmentNo, 'packing list');
  if (target.kind === 'earlier') return repeatOf(order, target.record, packages);
  const shipmentNo = target.shipmentNo;
  if (order.packages?.length) {
    if (sameContent(order.packages, packages))
      return { kind: 'repeated', events: [packed(order, shipmentNo, packages, order.packingTotals)] };
    throw new ConflictError(
      `the ${isSplit(order) ? `shipment ${shipmentNo}` : 'order'} is already packed (${order.packages.length} package${order.packages.length === 1 ? '' : 's'}); the packing list cannot be replaced`,
      order.status,
    );
  }
  assertActionAllowed('packing', order.status);
  const check = checkPacking(toPackNow(order), packages, wordsFor(order, shipmentNo));
  assertNoProblems(check.problems);
  const { totals } = check;
  const split = isSplit(order);
  const next = changed(
    order,
    { packages, packingTotals: totals },
    {
      what: `${packedPrefix(split, shipmentNo)} ${totals.packageCount} package${totals.packageCount === 1 ? '' : 's'}, ${totals.grossWeightKg} kg, ${totals.volumeM3} m³`,
      ...(split && backorderOf(order).length
        ? { note: `backorder, to ship later: ${describeUnits(backorderOf(order))}` }
        : {}),
      by,
      at: now,
    },
  );
  return { kind: 'changed', order: next, events: [packed(next, shipmentNo, packages, totals)] };
}

/** The packing list of an earlier shipment named again: the same list is a repeat, another a 409. */
function repeatOf(order: Order, record: ShipmentRecord, packages: Package[]): ActionResult {
  if (record.packages?.length && sameContent(record.packages, packages)) {
    return {
      kind: 'repeated',
      events: [packed(order, record.shipmentNo, record.packages, record.packingTotals)],
    };
  }
  throw new ConflictError(
    `shipment ${record.shipmentNo} is already packed and has left; a packing list is for the shipment being prepared`,
    order.status,
  );
}

/** How the problems name what is to be packed: a part of an order shipped in parts says which shipment. */
function wordsFor(order: Order, shipmentNo: number): PackingWords | undefined {
  if (!isSplit(order)) return undefined;
  return {
    expected: `allocated to shipment ${shipmentNo}`,
    outside: `not allocated to shipment ${shipmentNo} (the rest of the order is on backorder)`,
  };
}

const packedPrefix = (split: boolean, shipmentNo: number) =>
  split ? `Packed shipment ${shipmentNo}:` : 'Packed:';

/** OrderPacked: production and logistics hear the package count, weight and volume (and which shipment). */
function packed(
  order: Order,
  shipmentNo: number,
  packages: Package[],
  totals = packingTotals(packages),
): DomainEvent {
  const split = isSplit(order) || shipmentNo > 1;
  const prefix = packedPrefix(split, shipmentNo);
  const at =
    [...order.timeline].reverse().find((entry) => entry.what.startsWith(prefix))?.at ?? order.updatedAt;
  return {
    type: 'OrderPacked',
    detail: {
      ...eventBase(order, shipmentChangeId(order.orderId, 'OrderPacked', shipmentNo), at),
      ...(totals ?? packingTotals(packages)),
      ...(split ? { shipmentNo } : {}),
    },
  };
}
