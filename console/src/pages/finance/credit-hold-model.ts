/**
 * The credit controller's queue (`GET /credit/holds`): each held order with the numbers behind the
 * hold. Pure, for the page and its tests.
 */

import type { Money } from '../../ui/format';

export interface CreditHold {
  orderId: string;
  customerId: string;
  total: Money;
  heldSince: string;
  reason?: string;
  terms?: string;
  creditNeeded?: boolean;
  limit?: Money;
  outstanding?: Money;
  orderExposure?: Money;
  exposure?: Money;
  headroom?: Money;
  reviewedAt?: string;
  overdue: Money[];
  current: { creditLimit?: Money; paymentTerms?: { type: string } };
}

export interface CreditHoldPage {
  items: CreditHold[];
  nextToken?: string;
}

export interface HoldRow extends CreditHold {
  /** How far the exposure goes past the limit (a negative headroom), when it does. */
  overLimitBy?: Money;
  /** The limit changed since the review that held the order: worth a second look. */
  limitChanged: boolean;
  hasOverdue: boolean;
}

const negative = (money: Money | undefined) => money !== undefined && Number(money.amount) < 0;

/** The queue, the longest held first, with what each number says. */
export function holdRows(holds: readonly CreditHold[]): HoldRow[] {
  return holds
    .map((hold): HoldRow => {
      const { headroom, limit, current } = hold;
      const overLimitBy =
        headroom && negative(headroom)
          ? { ...headroom, amount: headroom.amount.replace(/^-/, '') }
          : undefined;
      const limitChanged =
        (limit?.amount ?? null) !== (current.creditLimit?.amount ?? null) ||
        (limit?.currency ?? null) !== (current.creditLimit?.currency ?? null);
      return {
        ...hold,
        ...(overLimitBy ? { overLimitBy } : {}),
        limitChanged,
        hasOverdue: hold.overdue.some((money) => Number(money.amount) > 0),
      };
    })
    .sort((a, b) => a.heldSince.localeCompare(b.heldSince));
}
