import { revenueInMonth, summarize } from '../domain/customer-activity';
import { ConcurrentUpdateError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CustomerActivityRepository } from '../ports/customer-activity';

const ATTEMPTS = 5;

/**
 * Recomputes a customer's summary from all its facts and stores it under the next version; a
 * concurrent refresh that stored first makes this one read again. Whichever event arrives last, the
 * last stored summary was computed after every fact before it was written, so summaries converge.
 * `month`: also the customer's revenue in that month (what the `top` list adds up), stamped with the
 * summary's version so an older refresh never overwrites a newer one's.
 */
export function makeRefreshCustomerSummary(deps: { activity: CustomerActivityRepository; clock: Clock }) {
  const { activity, clock } = deps;
  return async (customerId: string, month?: string): Promise<void> => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const version = (await activity.summaryVersion(customerId)) + 1;
      const facts = await activity.facts(customerId);
      try {
        await activity.saveSummary(summarize(customerId, facts), version, clock.now().toISOString());
      } catch (error) {
        if (error instanceof ConcurrentUpdateError && attempt < ATTEMPTS) continue;
        throw error;
      }
      if (month)
        await activity.saveMonthlyRevenue(
          customerId,
          month,
          revenueInMonth(customerId, facts, month),
          version,
        );
      return;
    }
  };
}
