/**
 * How the order's intake ended: rejected by validation, held for finance's credit decision, or
 * confirmed with what its payment terms ask for before allocation (deposit) and shipment (balance).
 * The flags are always there (false unless confirmed): the workflow's ResultSelector reads them.
 */
export interface Screening {
  outcome: 'rejected' | 'held' | 'confirmed';
  needsDeposit: boolean;
  needsBalance: boolean;
}

export interface IntakeSteps {
  validate: (orderId: string) => Promise<{ valid: boolean }>;
  reviewCredit: (orderId: string) => Promise<{ decision: 'approve' | 'hold' }>;
  confirm: (orderId: string) => Promise<{ needsDeposit: boolean; needsBalance: boolean }>;
}

/**
 * The order's automatic intake as one workflow step: validation, then the credit review, then (when
 * credit is approved on its own) the confirmation. Each part stays its own idempotent use case, so a
 * retried step redoes nothing that was done; one step instead of three tasks and a choice is four
 * state transitions fewer per order (Step Functions bills each; BENCHMARKS.md, "AWS cost").
 * A held order is confirmed later, by the ConfirmOrder state after finance's decision.
 */
export function makeScreenOrder(steps: IntakeSteps) {
  return async (orderId: string): Promise<Screening> => {
    const { valid } = await steps.validate(orderId);
    if (!valid) return { outcome: 'rejected', needsDeposit: false, needsBalance: false };
    const { decision } = await steps.reviewCredit(orderId);
    if (decision !== 'approve') return { outcome: 'held', needsDeposit: false, needsBalance: false };
    return { outcome: 'confirmed', ...(await steps.confirm(orderId)) };
  };
}
