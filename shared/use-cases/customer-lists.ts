import type { DormantQuery, ProspectsQuery, TopQuery } from '../contracts/customer-insights';
import type { CompanyCurrency } from '../domain/aging';
import { addMonths, monthOf, monthsEndingWith } from '../domain/calendar-keys';
import { daysOverdue } from '../domain/customer-activity';
import { ExchangeRateMissingError } from '../domain/exchange-rates';
import type { Clock } from '../ports/clock';
import type { CustomerSegments } from '../ports/customer-activity';
import { moneyOut } from './money-view';

const DAY_MS = 86_400_000;

export interface CustomerListsDeps {
  segments: CustomerSegments;
  clock: Clock;
  company?: CompanyCurrency;
}

/**
 * The CRM's lists. Prospects and dormant customers are read from the sparse `bySegment` index (only
 * summaries of prospects and repeat buyers are in it), a page at a time; top customers from the
 * revenue-per-month items, one partition per month of the period (one item per customer active
 * that month): neither scans the table.
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

    /**
     * Customers by revenue over the last `months` calendar months (the current one included), from
     * the orders that count (not cancelled or refused). In `currency` when given; else in the company
     * currency when one is configured (converted at today's rates); else one ranking per currency.
     */
    async top(query: TopQuery) {
      const now = clock.now();
      const to = monthOf(now.toISOString());
      const months = monthsEndingWith(to, query.months);
      const lines = (await Promise.all(months.map((month) => segments.revenueInMonth(month)))).flat();
      const company = !query.currency ? deps.company : undefined;
      const today = now.toISOString().slice(0, 10);
      // customer → currency (of the ranking) → revenue and orders
      const totals = new Map<string, Map<string, { minor: number; orderCount: number }>>();
      let unavailable: string | undefined;
      for (const line of lines) {
        if (query.currency && line.currency !== query.currency) continue;
        let currency = line.currency;
        let minor = line.minor;
        if (company) {
          try {
            minor = company.rates.convert({ currency, minor }, company.currency, today).minor;
            currency = company.currency;
          } catch (error) {
            if (!(error instanceof ExchangeRateMissingError)) throw error;
            unavailable = `${error.message}: those amounts are ranked in their own currency`;
          }
        }
        const mine = totals.get(line.customerId) ?? new Map();
        totals.set(line.customerId, mine);
        const sum = mine.get(currency) ?? { minor: 0, orderCount: 0 };
        mine.set(currency, { minor: sum.minor + minor, orderCount: sum.orderCount + line.orderCount });
      }
      const currencies = new Set([...totals.values()].flatMap((m) => [...m.keys()]));
      if (query.currency) currencies.add(query.currency);
      const rankings = [...currencies].sort().map((currency) => ({
        currency,
        converted: Boolean(company && currency === company.currency),
        customers: [...totals.entries()]
          .flatMap(([customerId, m]) => {
            const sum = m.get(currency);
            return sum && sum.minor > 0 ? [{ customerId, ...sum }] : [];
          })
          .sort((a, b) => b.minor - a.minor || (a.customerId < b.customerId ? -1 : 1))
          .slice(0, query.limit)
          .map((c, i) => ({
            rank: i + 1,
            customerId: c.customerId,
            revenue: moneyOut({ currency, minor: c.minor }),
            orderCount: c.orderCount,
          })),
      }));
      return { from: addMonths(to, 1 - query.months), to, rankings, ...(unavailable ? { unavailable } : {}) };
    },
  };
}
