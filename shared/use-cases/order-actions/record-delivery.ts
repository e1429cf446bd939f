import type { RecordDeliveryBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { ConflictError, InvalidInputError } from '../../errors';
import { type ActionResult, changed, type OrderActionDeps, runOrderAction } from '../order-action';

/** Clocks differ a little; a delivery further in the future than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * POST /orders/{id}/delivery (logistics): the goods arrived. Kept on the order; the workflow's wait for
 * delivery ends and its next step marks the order DELIVERED and announces it (this call emits
 * nothing). The same delivery again is a repeat; a different one after it is a 409.
 */
export function makeRecordDelivery(deps: OrderActionDeps) {
  return (orderId: string, body: RecordDeliveryBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: RecordDeliveryBody, by: Actor, now: string): ActionResult {
  if (order.delivery) {
    const same =
      Date.parse(order.delivery.deliveredAt) === Date.parse(body.deliveredAt) &&
      order.delivery.receivedBy === body.receivedBy;
    if (same) return { kind: 'repeated', events: [] };
    throw new ConflictError(
      `the delivery is already recorded (delivered at ${order.delivery.deliveredAt})`,
      order.status,
    );
  }
  assertActionAllowed('delivery', order.status);
  if (Date.parse(body.deliveredAt) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw new InvalidInputError(`deliveredAt ${body.deliveredAt} is in the future`, 'deliveredAt');
  }
  const delivery = {
    deliveredAt: body.deliveredAt,
    ...(body.receivedBy ? { receivedBy: body.receivedBy } : {}),
    recordedAt: now,
  };
  return {
    kind: 'changed',
    order: changed(
      order,
      { delivery },
      {
        what: 'Delivery recorded',
        note: `delivered at ${body.deliveredAt}${body.receivedBy ? `, received by ${body.receivedBy}` : ''}`,
        by,
        at: now,
      },
    ),
    events: [],
  };
}
