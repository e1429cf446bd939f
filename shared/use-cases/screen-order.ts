import type { Order } from '../domain/order';

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

/**
 * Each part answers the order as it left it, and takes the previous part's copy instead of reading
 * the order again (a stale copy only costs a retry: writes are conditional on the version).
 */
export interface IntakeSteps {
  validate: (orderId: string) => Promise<{ valid: boolean; order?: Order }>;
  reviewCredit: (orderId: string, read?: Order) => Promise<{ decision: 'approve' | 'hold'; order?: Order }>;
  confirm: (orderId: string, read?: Order) => Promise<{ needsDeposit: boolean; needsBalance: boolean }>;
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
    const validated = await steps.validate(orderId);
    if (!validated.valid) return { outcome: 'rejected', needsDeposit: false, needsBalance: false };
    const reviewed = await steps.reviewCredit(orderId, validated.order);
    if (reviewed.decision !== 'approve') return { outcome: 'held', needsDeposit: false, needsBalance: false };
    const { needsDeposit, needsBalance } = await steps.confirm(orderId, reviewed.order);
    return { outcome: 'confirmed', needsDeposit, needsBalance };
  };
}
