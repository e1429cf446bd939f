import type { Order } from '../domain/order';
import { waitOutcome } from '../domain/waits';
import type { WorkflowCallbacks } from '../ports/workflow-callbacks';

/**
 * After an API call changed an order: if the workflow is waiting for what just happened, end the
 * wait. A token that is no longer open is fine — the wait's next start reads the same order and ends
 * itself (see waitOutcome).
 */
export async function endWaitIfSatisfied(order: Order, callbacks: WorkflowCallbacks): Promise<boolean> {
  const wait = order.pendingWait;
  if (!wait) return false;
  const outcome = waitOutcome(order, wait.kind);
  if (!outcome.satisfied) return false;
  return callbacks.succeed(wait.token, { kind: wait.kind, ...outcome.output });
}
