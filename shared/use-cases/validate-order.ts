import type { DomainEvent } from '../contracts/events';
import { formatAmount } from '../domain/money';
import { type Actor, type Order, withStatus } from '../domain/order';
import { orderProblems } from '../domain/order-validation';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CustomerRepository } from '../ports/customers';
import type { EventPublisher } from '../ports/events';
import type { InventoryRepository } from '../ports/inventory';
import type { OrderRepository } from '../ports/orders';
import { OrderCancelledError } from './order-cancelled-error';

export interface ValidateOrderDeps {
  orders: OrderRepository;
  customers: CustomerRepository;
  /** Only to know which ordered skus are products. */
  inventory: Pick<InventoryRepository, 'missingProducts'>;
  events: EventPublisher;
  clock: Clock;
}

const SYSTEM: Actor = { kind: 'system', id: 'workflow' };

/**
 * The workflow's first step. Idempotent: a retry after the write finds the order already decided and
 * publishes the same event again (same changeId), which consumers deduplicate.
 */
export function makeValidateOrder({ orders, customers, inventory, events, clock }: ValidateOrderDeps) {
  return async (orderId: string): Promise<{ valid: boolean; status: string; order: Order }> => {
    let order = await orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    // Cancelled before the workflow got to it: no "received" announcement, straight to compensation.
    if (order.cancellation) throw new OrderCancelledError(`order ${orderId} was cancelled`);
    if (!order.validatedAt && order.status === 'RECEIVED') {
      const now = clock.now().toISOString();
      const problems = orderProblems(
        order,
        await customers.get(order.customerId),
        await inventory.missingProducts(order.lines.map((line) => line.sku)),
      );
      order = problems.length
        ? {
            ...withStatus(
              order,
              'REJECTED',
              'Order rejected by validation',
              SYSTEM,
              now,
              problems.join('; '),
            ),
            problems,
          }
        : { ...withStatus(order, 'RECEIVED', 'Order validated', SYSTEM, now), validatedAt: now };
      await orders.save(order);
    }
    await events.publish([announcement(order)]);
    return { valid: order.status !== 'REJECTED', status: order.status, order };
  };
}

function announcement(order: Order): DomainEvent {
  const occurredAt = order.validatedAt ?? order.updatedAt;
  if (order.status === 'REJECTED') {
    return {
      type: 'OrderRejected',
      detail: {
        version: 1,
        changeId: `${order.orderId}:OrderRejected`,
        occurredAt,
        orderId: order.orderId,
        customerId: order.customerId,
        reasons: order.problems ?? [],
      },
    };
  }
  return {
    type: 'OrderReceived',
    detail: {
      version: 1,
      changeId: `${order.orderId}:OrderReceived`,
      occurredAt,
      orderId: order.orderId,
      customerId: order.customerId,
      currency: order.currency,
      total: formatAmount(order.total),
      lineCount: order.lines.length,
      incoterm: order.incoterm.code,
      shipToCountry: order.shippingAddress.country,
    },
  };
}
