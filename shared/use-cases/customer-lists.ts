import type { DormantQuery, ProspectsQuery } from '../contracts/customer-insights';
import { daysOverdue } from '../domain/customer-activity';
import type { Clock } from '../ports/clock';
import type { CustomerSegments } from '../ports/customer-activity';

const DAY_MS = 86_400_000;

export interface CustomerListsDeps {
  segments: Pick<CustomerSegments, 'list'>;
  clock: Clock;
}

/**
 * The CRM's lists of prospects and dormant customers, read from the sparse `bySegment` index (only
 * summaries of prospects and repeat buyers are in it), a page at a time: no scan. Top customers:
 * top-customers.ts.
 */
export function makeCustomerLists(deps: CustomerListsDeps) {
  const { segments, clock } = deps;
  return {
    /** Inquired (or were quoted) and never ordered; latest inquiry first. */
    async prospects(query: ProspectsQuery) {
      const page = await segments.list('PROSPECT', {
        newestFirst: true,
        limit: query.limit,
        nextToken: query.nextToken,
      });
      return {
        items: page.items.map((s) => ({
          customerId: s.customerId,
          inquiries: s.inquiryCount,
          quotesSent: s.quotesSent,
          ...(s.lastInquiryAt ? { lastInquiryAt: s.lastInquiryAt } : {}),
        })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    },

    /** Repeat buyers past their predicted next order by at least `minDaysOverdue` days; longest overdue first. */
    async dormant(query: DormantQuery) {
      const now = clock.now();
      const before = new Date(now.getTime() - query.minDaysOverdue * DAY_MS).toISOString();
      const page = await segments.list('REPEAT', { before, limit: query.limit, nextToken: query.nextToken });
      return {
        asOf: now.toISOString(),
        items: page.items.map((s) => ({
          customerId: s.customerId,
          orderCount: s.orderCount,
          ...(s.lastOrderAt ? { lastOrderAt: s.lastOrderAt } : {}),
          predictedNextOrderAt: s.nextOrderDue as string,
          daysOverdue: daysOverdue(s.nextOrderDue as string, now),
        })),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    },
  };
}
