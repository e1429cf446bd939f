import type { CancelOrderBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Money } from '../../domain/money';
import { subtract, zero } from '../../domain/money-math';
import { type Actor, type Order, withStatus } from '../../domain/order';
import { allowsPartialShipments, shippedValue } from '../../domain/shipments';
import type { WorkflowCallbacks } from '../../ports/workflow-callbacks';
import { type ActionResult, type OrderActionDeps, runOrderAction } from '../order-action';

/** The error the workflow's wait fails with; its Catch runs the compensation. */
export const CANCELLED_ERROR = 'OrderCancelled';

/**
 * POST /orders/{id}/cancel (sales, admin): at any open status the order becomes CANCELLED, with the
 * money received so far noted as to be refunded. If the workflow is waiting, its wait fails with
 * OrderCancelled, and the workflow gives the stock back and announces the cancellation. A completed,
 * rejected or already cancelled order answers 409 naming its status (a cancelled one still has its
 * wait failed again, in case the first call stopped before it could).
 */
export function makeCancelOrder(deps: OrderActionDeps) {
  return (orderId: string, body: CancelOrderBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now), failPendingWait);
}

function decide(order: Order, body: CancelOrderBody, by: Actor, now: string): ActionResult {
  try {
    assertActionAllowed('cancel', order.status);
  } catch (refusal) {
    if (order.status === 'CANCELLED' && order.cancellation) {
      return { kind: 'repeated', events: [], refusal: refusal as Error };
    }
    throw refusal;
  }
  const cancelled = withStatus(order, 'CANCELLED', 'Order cancelled', by, now, body.reason);
  return {
    kind: 'changed',
    order: {
      ...cancelled,
      cancellation: {
        reason: body.reason,
        at: now,
        by,
        statusBefore: order.status,
        refundDue: refundDue(order),
      },
    },
    events: [],
  };
}

/**
 * The money to give back: what was paid. An order shipped in parts keeps what its shipments that
 * left are worth (the buyer has those goods); only the rest of the payments is refunded.
 */
function refundDue(order: Order): Money {
  const paid = order.paid ?? zero(order.currency);
  if (!allowsPartialShipments(order)) return paid;
  const rest = subtract(paid, shippedValue(order));
  return rest.minor > 0 ? rest : zero(order.currency);
}

async function failPendingWait(order: Order, callbacks: WorkflowCallbacks): Promise<void> {
  if (order.status !== 'CANCELLED' || !order.pendingWait || !order.cancellation) return;
  await callbacks.fail(order.pendingWait.token, CANCELLED_ERROR, order.cancellation.reason);
}
