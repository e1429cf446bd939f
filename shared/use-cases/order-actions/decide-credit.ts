import type { CreditDecisionBody } from '../../contracts/order-actions';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { ConflictError } from '../../errors';
import { type ActionResult, changed, type OrderActionDeps, runOrderAction } from '../order-action';

/**
 * POST /orders/{id}/credit-decision (finance): approve or reject an order on credit hold. The decision
 * is kept beside the automatic review's numbers; the workflow's next step confirms or rejects the
 * order. The same decision again is a repeat (200, nothing changes); another one is a 409.
 */
export function makeDecideCredit(deps: OrderActionDeps) {
  return (orderId: string, body: CreditDecisionBody, by: Actor): Promise<Order> =>
    runOrderAction(deps, orderId, (order, now) => decide(order, body, by, now));
}

function decide(order: Order, body: CreditDecisionBody, by: Actor, now: string): ActionResult {
  const earlier = order.creditReview?.finalDecision;
  if (earlier) {
    if (earlier.decision === body.decision) return { kind: 'repeated', events: [] };
    throw new ConflictError(
      `the credit decision was already made: ${earlier.decision} at ${earlier.at}`,
      order.status,
    );
  }
  assertActionAllowed('credit-decision', order.status);
  if (!order.creditReview) {
    throw new ConflictError('the order has no credit review to decide on', order.status);
  }
  const finalDecision = { decision: body.decision, by, at: now, ...(body.note ? { note: body.note } : {}) };
  const what = body.decision === 'approve' ? 'Credit approved by finance' : 'Credit rejected by finance';
  return {
    kind: 'changed',
    order: changed(
      order,
      { creditReview: { ...order.creditReview, finalDecision } },
      { what, by, at: now, note: body.note },
    ),
    events: [],
  };
}
