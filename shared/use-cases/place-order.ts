import type { CreateOrderBody } from '../contracts/orders';
import { type Actor, newOrder, type Order } from '../domain/order';
import { InvalidInputError } from '../errors';
import type { IdGenerator } from '../ids';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';
import type { OrderRepository } from '../ports/orders';
import type { TrackingTokens } from '../ports/tracking-tokens';
import type { OrderWorkflow } from '../ports/workflow';
import { createOrFindRetried, keyedCreation } from './keyed-creation';

export interface PlaceOrderDeps {
  orders: OrderRepository;
  customers: CustomerRepository;
  workflow: OrderWorkflow;
  clock: Clock;
  newId: IdGenerator;
  /** The order's public tracking page: its token is made with the order. */
  trackingTokens: TrackingTokens;
}

/**
 * Stores the order as RECEIVED, then starts its execution (named after the order). If the start is
 * lost, the order stays RECEIVED and the stalled-order sweep starts it: nothing is lost either way.
 *
 * Under an Idempotency-Key the order's id comes from the caller and the key, so a retry whose first
 * answer was never stored (the first run died after storing the order) finds that order and answers
 * with it; the same key with another request is refused (422).
 */
export function makePlaceOrder({
  orders,
  customers,
  workflow,
  clock,
  newId,
  trackingTokens,
}: PlaceOrderDeps) {
  return async (body: CreateOrderBody, placedBy: Actor, idempotencyKey?: string): Promise<Order> => {
    const customer = await customers.get(body.customerId);
    if (!customer) {
      throw new InvalidInputError(
        `customerId ${body.customerId} is not a known customer`,
        'customerId',
        'UNKNOWN_CUSTOMER',
      );
    }
    const keyed = keyedCreation('ord', placedBy, idempotencyKey, body);
    const order: Order = {
      ...newOrder({ ...body, orderId: keyed?.id ?? newId('ord'), placedBy, now: clock.now().toISOString() }),
      ...(keyed ? { createdUnder: keyed.createdUnder } : {}),
    };
    const retried = await createOrFindRetried(
      keyed,
      () => orders.create(order),
      () => orders.get(order.orderId),
    );
    // Before the workflow starts, so its first email finds the link; idempotent, so a retry keeps the
    // first token (an order whose token was lost with a crash gets one at its first email).
    await trackingTokens.issue(order.orderId);
    // A retry's order may have lost its start with the first run: starting again is harmless.
    await workflow.start(order.orderId, { orderId: order.orderId });
    return retried ?? order;
  };
}
