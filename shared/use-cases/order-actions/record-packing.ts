import type { DomainEvent } from '../../contracts/events';
import type { RecordPackingBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { checkPacking, type Package, packingTotals } from '../../domain/packing';
import { assertNoProblems } from '../../domain/problem';
import { ConflictError } from '../../errors';
import {
  type ActionResult,
  changed,
  eventBase,
  type OrderActionDeps,
  runOrderAction,
  sameContent,
} from '../order-action';

/**
 * POST /orders/{id}/packing (warehouse): the packing list. Every ordered unit must be packed exactly
 * once (400 listing each difference); the list and its totals are kept, OrderPacked announces them,
 * and the workflow's wait for packing ends. The same list again is a repeat; a different one after the first is a 409.
 */
export function makeRecordPacking(deps: OrderActionDeps) {
  return (orderId: string, body: RecordPackingBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body.packages, by, now));
}

function decide(order: Order, packages: Package[], by: Actor, now: string): ActionResult {
  if (order.packages?.length) {
    if (sameContent(order.packages, packages)) return { kind: 'repeated', events: [packed(order)] };
    throw new ConflictError(
      `the order is already packed (${order.packages.length} package${order.packages.length === 1 ? '' : 's'}); the packing list cannot be replaced`,
      order.status,
    );
  }
  assertActionAllowed('packing', order.status);
  const check = checkPacking(
    order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    packages,
  );
  assertNoProblems(check.problems);
  const { totals } = check;
  const next = changed(
    order,
    { packages, packingTotals: totals },
    {
      what: `Packed: ${totals.packageCount} package${totals.packageCount === 1 ? '' : 's'}, ${totals.grossWeightKg} kg, ${totals.volumeM3} m³`,
      by,
      at: now,
    },
  );
  return { kind: 'changed', order: next, events: [packed(next)] };
}

/** OrderPacked: production and logistics hear the package count, weight and volume. */
function packed(order: Order): DomainEvent {
  const totals = order.packingTotals ?? packingTotals(order.packages ?? []);
  const at =
    [...order.timeline].reverse().find((entry) => entry.what.startsWith('Packed:'))?.at ?? order.updatedAt;
  return {
    type: 'OrderPacked',
    detail: { ...eventBase(order, `${order.orderId}:OrderPacked`, at), ...totals },
  };
}
