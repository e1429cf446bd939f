import type { PaymentTerms } from '../contracts/common';
import { formatAmount, type Money } from './money';
import { add, subtract, zero } from './money-math';
import { describeTerms, extendsCredit } from './payment-terms';

export interface CreditReviewInput {
  /** The order's total, in the order currency. */
  orderTotal: Money;
  paymentTerms: PaymentTerms;
  /** The customer's credit limit; absent when none is on file. */
  creditLimit?: Money;
  /** What the customer owes on goods already shipped or delivered, in the limit's currency. */
  outstanding: Money;
}

export type CreditOutcome = 'approve' | 'hold';

/** The automatic review's answer and the numbers behind it, to keep on the order. */
export interface CreditReview {
  decision: CreditOutcome;
  /** A sentence for the credit controller and the timeline. */
  reason: string;
  terms: string;
  /** Whether the goods would leave before being paid. */
  creditNeeded: boolean;
  limit?: Money;
  outstanding: Money;
  /** The part of this order that leaves before it is paid (order currency). */
  orderExposure: Money;
  /** outstanding + orderExposure; absent when the currencies differ (no FX here). */
  totalExposure?: Money;
  /** limit − totalExposure; negative when over the limit. */
  headroom?: Money;
}

/** The part of an order that leaves before it is paid: all of it on credit terms, else nothing. */
export function orderExposure(terms: PaymentTerms, total: Money): Money {
  return extendsCredit(terms) ? total : zero(total.currency);
}

/**
 * The automatic credit review: approve within the limit (exactly at it counts as within), hold
 * otherwise. It never rejects: only a person (the finance role) rejects an order.
 */
export function reviewCredit(input: CreditReviewInput): CreditReview {
  const { orderTotal, paymentTerms, creditLimit: limit, outstanding } = input;
  const exposure = orderExposure(paymentTerms, orderTotal);
  const terms = describeTerms(paymentTerms);
  // No undefined keys: the review is stored on the order as it is.
  const base = {
    terms,
    creditNeeded: exposure.minor > 0,
    ...(limit ? { limit } : {}),
    outstanding,
    orderExposure: exposure,
  };

  if (!base.creditNeeded) {
    return {
      ...base,
      decision: 'approve',
      reason: `no credit needed: ${terms} is paid before the goods leave`,
    };
  }
  if (!limit) {
    return { ...base, decision: 'hold', reason: `${terms} needs credit and no credit limit is on file` };
  }
  if (limit.currency !== orderTotal.currency) {
    return {
      ...base,
      decision: 'hold',
      reason: `limit in ${limit.currency}, order in ${orderTotal.currency}`,
    };
  }
  if (outstanding.currency !== limit.currency) {
    return {
      ...base,
      decision: 'hold',
      reason: `outstanding in ${outstanding.currency}, limit in ${limit.currency}`,
    };
  }

  const totalExposure = add(outstanding, exposure);
  const headroom = subtract(limit, totalExposure);
  const numbers =
    `exposure ${show(totalExposure)} (outstanding ${show(outstanding)} + this order ${show(exposure)})` +
    ` against a limit of ${show(limit)}`;
  return headroom.minor >= 0
    ? { ...base, totalExposure, headroom, decision: 'approve', reason: `within the credit limit: ${numbers}` }
    : {
        ...base,
        totalExposure,
        headroom,
        decision: 'hold',
        reason: `over the credit limit by ${show({ ...headroom, minor: -headroom.minor })}: ${numbers}`,
      };
}

function show(money: Money): string {
  return `${money.currency} ${formatAmount(money)}`;
}
