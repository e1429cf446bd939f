import { createHash } from 'node:crypto';
import type { CreateOrderBody } from '../contracts/orders';
import { type Actor, newOrder, type Order } from '../domain/order';
import { ConflictError, IdempotencyKeyReusedError, InvalidInputError } from '../errors';
import { type IdGenerator, idFor } from '../ids';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';
import type { OrderRepository } from '../ports/orders';
import type { OrderWorkflow } from '../ports/workflow';

export interface PlaceOrderDeps {
  orders: OrderRepository;
  customers: CustomerRepository;
  workflow: OrderWorkflow;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Stores the order as RECEIVED, then starts its execution (named after the order). If the start is
 * lost, the order stays RECEIVED and the stalled-order sweep starts it: nothing is lost either way.
 *
 * Under an Idempotency-Key the order's id comes from the caller and the key, so a retry whose first
 * answer was never stored (the first run died after storing the order) finds that order and answers
 * with it; the same key with another request is refused (422).
 */
export function makePlaceOrder({ orders, customers, workflow, clock, newId }: PlaceOrderDeps) {
  return async (body: CreateOrderBody, placedBy: Actor, idempotencyKey?: string): Promise<Order> => {
    const customer = await customers.get(body.customerId);
    if (!customer) {
      throw new InvalidInputError(
        `customerId ${body.customerId} is not a known customer`,
        'customerId',
        'UNKNOWN_CUSTOMER',
      );
    }
    const placedUnder = idempotencyKey && {
      idempotencyKey,
      requestHash: createHash('sha256').update(JSON.stringify(body)).digest('base64url'),
    };
    const orderId = placedUnder
      ? idFor('ord', `${placedBy.kind}:${placedBy.id}:${idempotencyKey}`)
      : newId('ord');
    const order: Order = {
      ...newOrder({ ...body, orderId, placedBy, now: clock.now().toISOString() }),
      ...(placedUnder ? { placedUnder } : {}),
    };
    try {
      await orders.create(order);
    } catch (error) {
      if (!(placedUnder && error instanceof ConflictError)) throw error;
      const placed = await orders.get(orderId);
      if (placed?.placedUnder?.requestHash !== placedUnder.requestHash) {
        throw new IdempotencyKeyReusedError(
          `the ${idempotencyKey} Idempotency-Key was used for another request; use a new key for a new order`,
        );
      }
      await workflow.start(orderId, { orderId });
      return placed;
    }
    await workflow.start(order.orderId, { orderId: order.orderId });
    return order;
  };
}
