import { DocumentChecksFailedError } from '../../documents/document-errors';
import { ConflictError, NotFoundError } from '../../errors';
import type { OrderRepository } from '../../ports/orders';
import type { WorkflowCallbacks } from '../../ports/workflow-callbacks';
import { endWaitIfSatisfied } from '../end-wait';
import type { IssueOutcome, makeIssueDocuments } from './issue-documents';

export interface RetryDocumentsDeps {
  orders: OrderRepository;
  callbacks: WorkflowCallbacks;
  issue: ReturnType<typeof makeIssueDocuments>;
}

/**
 * POST /orders/{id}/documents/retry (sales): after the product data is fixed, checks the held
 * documents again and issues them; if the workflow waits for them, it moves on. Still failing: 409
 * naming every problem (nothing is issued). Nothing held: 409.
 */
export function makeRetryDocuments({ orders, callbacks, issue }: RetryDocumentsDeps) {
  return async (orderId: string) => {
    const order = await orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    const tasks = order.documentTasks ?? [];
    if (!tasks.length)
      throw new ConflictError(`order ${orderId} has no held documents to retry`, order.status);
    const issued: IssueOutcome[] = [];
    const still: string[] = [];
    for (const task of tasks) {
      try {
        issued.push(await issue(orderId, task.set));
      } catch (error) {
        if (!(error instanceof DocumentChecksFailedError)) throw error;
        still.push(error.message);
      }
    }
    if (still.length)
      throw new ConflictError(
        `documents still held; fix the product data first: ${still.join(' | ')}`,
        order.status,
      );
    const after = await orders.get(orderId);
    const resumed = after ? await endWaitIfSatisfied(after, callbacks) : false;
    return { orderId, issued, resumed };
  };
}
