import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import { type OnceLog, SideEffectInProgressError } from '../ports/once';
import type { OrderRepository } from '../ports/orders';
import type { OrderWorkflow } from '../ports/workflow';
import { doOnce } from './do-once';

export interface SweepDeps {
  orders: OrderRepository;
  workflow: OrderWorkflow;
  events: EventPublisher;
  once: OnceLog;
  clock: Clock;
  stalledAfterMs: number;
}

/**
 * Orders still RECEIVED and never validated well after they arrived: their execution never started
 * (or its start was lost). Starting it again is harmless (execution-name idempotency); each such
 * order is raised once as OrderStalled.
 */
export function makeSweepStalledOrders({ orders, workflow, events, once, clock, stalledAfterMs }: SweepDeps) {
  return async (): Promise<{ examined: number; restarted: number }> => {
    const updatedBefore = new Date(clock.now().getTime() - stalledAfterMs).toISOString();
    let examined = 0;
    let restarted = 0;
    let nextToken: string | undefined;
    do {
      const page = await orders.listByStatus('RECEIVED', { updatedBefore, nextToken, limit: 100 });
      for (const order of page.items) {
        examined++;
        // Validated, or failed for good (already raised by mark-order-failed, and its closed
        // execution cannot be started again under the same name): nothing to restart.
        if (order.validated || order.failed) continue;
        await workflow.start(order.orderId, { orderId: order.orderId });
        restarted++;
        // Raised once; a sweep that finds another still raising it leaves it to that one (or to the
        // next sweep, if that one died).
        await doOnce(once, `ORDER#${order.orderId}`, 'stalled:RECEIVED', undefined, () =>
          events.publish([
            {
              type: 'OrderStalled',
              detail: {
                version: 1,
                changeId: `${order.orderId}:stalled:RECEIVED`,
                occurredAt: clock.now().toISOString(),
                orderId: order.orderId,
                status: order.status,
                since: order.updatedAt,
                level: 1,
                reason: 'the order was not validated; its workflow was started again',
              },
            },
          ]),
        ).catch((error: unknown) => {
          if (!(error instanceof SideEffectInProgressError)) throw error;
        });
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return { examined, restarted };
  };
}
