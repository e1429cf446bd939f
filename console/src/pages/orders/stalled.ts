/**
 * An order is stalled when its wait has escalated (each level is raised once its SLA ran out), or
 * when the next escalation is already due (the sweep has not run yet).
 */
export function isStalled(order: { escalatedLevel?: number; waitDueAt?: string }, now = Date.now()): boolean {
  if ((order.escalatedLevel ?? 0) > 0) return true;
  if (!order.waitDueAt) return false;
  const due = Date.parse(order.waitDueAt);
  return !Number.isNaN(due) && due <= now;
}
