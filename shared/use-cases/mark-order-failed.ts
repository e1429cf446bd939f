import type { Actor } from '../domain/order';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';

export interface StepFailure {
  state: string;
  error: string;
  cause: string;
}

const SYSTEM: Actor = { kind: 'system', id: 'workflow' };

/**
 * The workflow's catch-all: the order keeps its status and gains a visible `failure`, a timeline
 * entry, and an OrderStalled event for the people who can fix it. Idempotent on retry.
 */
export function makeMarkOrderFailed(deps: { orders: OrderRepository; events: EventPublisher; clock: Clock }) {
  return async (orderId: string, failure: StepFailure): Promise<void> => {
    let order = await deps.orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    if (!order.failure) {
      const at = deps.clock.now().toISOString();
      order = {
        ...order,
        failure: { ...failure, cause: failure.cause.slice(0, 2000), at },
        updatedAt: at,
        version: order.version + 1,
        timeline: [
          ...order.timeline,
          { at, what: `Workflow step ${failure.state} failed: ${failure.error}`, by: SYSTEM },
        ],
      };
      await deps.orders.save(order);
    }
    await deps.events.publish([
      {
        type: 'OrderStalled',
        detail: {
          version: 1,
          changeId: `${orderId}:failed:${order.failure!.state}`,
          occurredAt: order.failure!.at,
          orderId,
          status: order.status,
          since: order.failure!.at,
          level: 1,
          reason: `step ${order.failure!.state} failed: ${order.failure!.error}`,
        },
      },
    ]);
  };
}
