import { zero } from '../domain/money-math';
import type { Order } from '../domain/order';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { InventoryRepository } from '../ports/inventory';
import type { OrderRepository } from '../ports/orders';
import { moneyOut } from './money-view';
import { updateOrder, WORKFLOW, withEntry } from './update-order';

/**
 * The compensation of a cancelled order: its reserved stock goes back and it leaves every stock
 * queue; money received is kept as a refund due; everyone is told (OrderCancelled). Every part is
 * idempotent (release of nothing is 0), so a retry is harmless.
 */
export function makeCompensateOrder(deps: {
  orders: OrderRepository;
  inventory: InventoryRepository;
  events: EventPublisher;
  clock: Clock;
}) {
  return async (orderId: string): Promise<{ released: { sku: string; quantity: number }[] }> => {
    const order = await deps.orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    const skus = [...new Set(order.lines.map((line) => line.sku))];
    const released: { sku: string; quantity: number }[] = [];
    for (const sku of skus) {
      const quantity = await deps.inventory.release(sku, orderId);
      await deps.inventory.removeWaiting(sku, orderId);
      if (quantity > 0) released.push({ sku, quantity });
    }
    const at = deps.clock.now().toISOString();
    const done = await updateOrder(deps.orders, orderId, (current) => {
      if (current.cancellation?.compensatedAt) return undefined;
      const cancellation = current.cancellation ?? {
        reason: 'cancelled by the workflow',
        at,
        by: WORKFLOW,
        statusBefore: current.status,
        refundDue: current.paid ?? zero(current.currency),
      };
      const note = released.length
        ? `released ${released.map((r) => `${r.quantity} × ${r.sku}`).join(', ')}`
        : undefined;
      return withEntry(
        {
          ...current,
          reservations: [],
          shortfalls: [],
          pendingWait: undefined,
          cancellation: { ...cancellation, compensatedAt: at },
        },
        {
          at,
          by: WORKFLOW,
          what: 'Cancellation completed: stock released, refunds noted',
          // Cancelled through the API, the order already shows CANCELLED on its timeline.
          ...(current.status === 'CANCELLED' ? {} : { status: 'CANCELLED' as const }),
          note,
        },
      );
    });
    await deps.events.publish([cancelled(done, released)]);
    return { released };
  };
}

function cancelled(order: Order, released: { sku: string; quantity: number }[]) {
  const cancellation = order.cancellation!;
  return {
    type: 'OrderCancelled' as const,
    detail: {
      version: 1 as const,
      changeId: `${order.orderId}:OrderCancelled`,
      occurredAt: cancellation.at,
      orderId: order.orderId,
      customerId: order.customerId,
      reason: cancellation.reason,
      statusWhenCancelled: cancellation.statusBefore,
      refundDue: moneyOut(cancellation.refundDue),
      released,
    },
  };
}
