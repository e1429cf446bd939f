import type { CreateOrderBody } from '../contracts/orders';
import { type Actor, newOrder, type Order } from '../domain/order';
import { InvalidInputError } from '../errors';
import type { IdGenerator } from '../ids';
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
 */
export function makePlaceOrder({ orders, customers, workflow, clock, newId }: PlaceOrderDeps) {
  return async (body: CreateOrderBody, placedBy: Actor): Promise<Order> => {
    const customer = await customers.get(body.customerId);
    if (!customer) {
      throw new InvalidInputError(
        `customerId ${body.customerId} is not a known customer`,
        'customerId',
        'UNKNOWN_CUSTOMER',
      );
    }
    const order = newOrder({ ...body, orderId: newId('ord'), placedBy, now: clock.now().toISOString() });
    await orders.create(order);
    await workflow.start(order.orderId, { orderId: order.orderId });
    return order;
  };
}
