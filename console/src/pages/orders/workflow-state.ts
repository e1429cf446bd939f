import { WAIT_STATUS } from '../../../../shared/domain/waits';
import type { WorkflowGraph } from './workflow-graph';

/**
 * The workflow state an order is in, derived from what the order shows; no call to Step Functions.
 * While a wait holds the order, the API names it (`waitingFor`), and the ASL names the state that
 * waits for it (`Parameters.Payload.wait`): that match is exact. Between waits the order is in the
 * step that set its status, which is brief (a Lambda call): a received order is in the first state
 * (its intake), the others in the state named below, the first of the names the ASL has; a unit test
 * checks every status against the ASL. CANCELLED is compensation, off the main path: none.
 */
const STEPS_OF_STATUS: Record<string, readonly string[]> = {
  CONFIRMED: ['ConfirmOrder', 'IssueConfirmationDocuments'],
  DELIVERED: ['MarkDelivered'],
  COMPLETED: ['Completed'],
  REJECTED: ['Rejected'],
};

/** Statuses a wait holds, in the order WAIT_STATUS lists their waits (IN_PRODUCTION: packing first). */
const WAIT_OF_STATUS: Record<string, string> = {};
for (const [wait, status] of Object.entries(WAIT_STATUS)) WAIT_OF_STATUS[status] ??= wait;

export function currentState(
  order: { status: string; waitingFor?: string },
  graph: WorkflowGraph,
): string | undefined {
  const wait = order.waitingFor ?? WAIT_OF_STATUS[order.status];
  const byWait = wait ? graph.nodes.find((node) => node.wait === wait)?.name : undefined;
  if (byWait) return byWait;
  if (order.status === 'RECEIVED') return graph.nodes[0]?.name;
  return STEPS_OF_STATUS[order.status]?.find((step) => graph.nodes.some((node) => node.name === step));
}

/** Statuses that have no state on the main path (the order left it). */
export const OFF_MAIN_PATH: ReadonlySet<string> = new Set(['CANCELLED']);
