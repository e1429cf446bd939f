import { daysOverdue } from '../../domain/aging';
import type { CreditReview } from '../../domain/credit';
import type { CreditTerms } from '../../domain/credit-terms';
import type { Money } from '../../domain/money';
import { add, zero } from '../../domain/money-math';
import type { OrderReceivable } from '../../domain/receivables';
import type { Clock } from '../../ports/clock';
import type { CustomerRepository } from '../../ports/customers';
import type { OrderRepository } from '../../ports/orders';
import type { ReceivableReader } from '../../ports/receivables';

export interface CreditHold {
  orderId: string;
  customerId: string;
  total: Money;
  /** When the order went on hold. */
  heldSince: string;
  /** The automatic review's answer and its numbers (exposure, limit, headroom), as kept on the order. */
  review?: CreditReview & { at: string };
  /** The customer's money past due today, per currency (from the open receivables). */
  overdue: Money[];
  /** The customer's credit terms now (they may have changed since the review). */
  current: CreditTerms;
}

/**
 * GET /credit/holds (finance): the credit controller's queue, the orders in CREDIT_HOLD (byStatus
 * index) oldest first, each with the numbers behind its hold: the review's exposure, limit, headroom
 * and reason, the customer's overdue money and the limit in force now.
 */
export function makeListCreditHolds(deps: {
  orders: OrderRepository;
  customers: CustomerRepository;
  receivables: ReceivableReader;
  clock: Clock;
}) {
  return async (query: { limit: number; nextToken?: string }) => {
    const page = await deps.orders.listByStatus('CREDIT_HOLD', {
      limit: query.limit,
      nextToken: query.nextToken,
    });
    const today = deps.clock.now().toISOString().slice(0, 10);
    const perCustomer = new Map<string, Promise<{ overdue: Money[]; current: CreditTerms }>>();
    const customerFigures = (customerId: string) => {
      let figures = perCustomer.get(customerId);
      if (!figures) {
        figures = Promise.all([deps.receivables.list({ customerId }), deps.customers.get(customerId)]).then(
          ([open, customer]) => ({
            overdue: overdueOf(open, today),
            current: {
              ...(customer?.creditLimit ? { creditLimit: customer.creditLimit } : {}),
              ...(customer?.paymentTerms ? { paymentTerms: customer.paymentTerms } : {}),
            },
          }),
        );
        perCustomer.set(customerId, figures);
      }
      return figures;
    };
    const items: CreditHold[] = [];
    for (const summary of page.items) {
      const [order, figures] = await Promise.all([
        deps.orders.get(summary.orderId),
        customerFigures(summary.customerId),
      ]);
      if (order?.status !== 'CREDIT_HOLD') continue; // decided since the page was read
      const heldSince =
        [...order.timeline].reverse().find((e) => e.status === 'CREDIT_HOLD')?.at ?? order.updatedAt;
      const { finalDecision: _decision, ...review } =
        order.creditReview ?? ({} as NonNullable<typeof order.creditReview>);
      items.push({
        orderId: order.orderId,
        customerId: order.customerId,
        total: order.total,
        heldSince,
        ...(order.creditReview ? { review: review as CreditReview & { at: string } } : {}),
        ...figures,
      });
    }
    return { items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  };
}

function overdueOf(open: OrderReceivable[], today: string): Money[] {
  const sums = new Map<string, Money>();
  for (const r of open) {
    for (const i of r.open) {
      if (!i.dueAt || daysOverdue(i.dueAt, today) <= 0) continue;
      const c = i.outstanding.currency;
      sums.set(c, add(sums.get(c) ?? zero(c), i.outstanding));
    }
  }
  return [...sums.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
