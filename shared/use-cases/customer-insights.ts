import type { CompanyCurrency } from '../domain/aging';
import {
  averageDaysBetween,
  averageOrderValue,
  countedOrders,
  daysOverdue,
  inCompanyCurrency,
  PREDICTION_METHOD,
  predictNextOrder,
  quoteOutcomes,
  revenueByCurrency,
  WIN_RATE_DEFINITION,
} from '../domain/customer-activity';
import type { Money } from '../domain/money';
import { subtract } from '../domain/money-math';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CustomerActivityRepository } from '../ports/customer-activity';
import type { CustomerRepository } from '../ports/customers';
import type { OrderRepository } from '../ports/orders';
import { makeCustomerOutstanding } from './customer-outstanding';
import { moneyOut } from './money-view';

export interface CustomerInsightsDeps {
  customers: Pick<CustomerRepository, 'get'>;
  activity: Pick<CustomerActivityRepository, 'facts'>;
  orders: OrderRepository;
  clock: Clock;
  /** The company currency and its rate table, when configured: revenue is also given in it. */
  company?: CompanyCurrency;
}

export const EXPOSURE_BASIS =
  'unpaid amounts of orders already shipped (in transit, delivered, awaiting payment), as the credit review counts them';

type MoneyOut = ReturnType<typeof moneyOut>;

/**
 * GET /customers/{id}/insights: the customer's dealings in figures. Amounts are per currency (never
 * added across currencies without a rate); with a company currency configured, revenue is also
 * converted, each order at the rate of the day it was placed.
 */
export function makeCustomerInsights(deps: CustomerInsightsDeps) {
  const outstandingIn = makeCustomerOutstanding(deps.orders);
  return async (customerId: string) => {
    const customer = await deps.customers.get(customerId);
    if (!customer) throw new NotFoundError(`customer ${customerId} not found`);
    const now = deps.clock.now();
    const facts = await deps.activity.facts(customerId);
    const orders = countedOrders(facts.orders);
    const predictedAt = predictNextOrder(orders);
    const meanDays = averageDaysBetween(orders);

    // Exposure in every currency the customer deals in, and its credit limit's.
    const currencies = new Set(facts.orders.map((o) => o.currency).filter((c): c is string => Boolean(c)));
    if (customer.creditLimit) currencies.add(customer.creditLimit.currency);
    const outstanding: Money[] = [];
    for (const currency of [...currencies].sort()) outstanding.push(await outstandingIn(customer, currency));
    const limit = customer.creditLimit;
    const owedInLimit = limit && outstanding.find((m) => m.currency === limit.currency);

    const company = deps.company && inCompanyCurrency(orders, deps.company);
    return {
      customerId,
      asOf: now.toISOString(),
      orders: {
        count: orders.length,
        cancelled: facts.orders.filter((o) => o.placedAt && (o.cancelledAt || o.rejectedAt)).length,
        ...(orders.length ? { firstAt: orders[0].placedAt, lastAt: orders[orders.length - 1].placedAt } : {}),
      },
      lifetimeRevenue: revenueByCurrency(orders).map(moneyOut),
      averageOrderValue: averageOrderValue(orders).map(moneyOut),
      ...(company && deps.company
        ? {
            inCompanyCurrency:
              'missingRate' in company
                ? { currency: deps.company.currency, unavailable: company.missingRate }
                : {
                    currency: company.currency,
                    lifetimeRevenue: moneyOut(company.lifetimeRevenue),
                    averageOrderValue: moneyOut(company.averageOrderValue),
                  },
          }
        : {}),
      averageDaysBetweenOrders: meanDays === null ? null : Math.round(meanDays * 100) / 100,
      nextOrder: {
        predictedAt: predictedAt ?? null,
        daysOverdue: predictedAt ? daysOverdue(predictedAt, now) : null,
        method: PREDICTION_METHOD,
      },
      quotes: { ...quoteOutcomes(facts.quotes, facts.inquiries), definition: WIN_RATE_DEFINITION },
      inquiries: {
        count: facts.inquiries.length,
        lost: facts.inquiries.filter((i) => i.lostAt).length,
      },
      openExposure: {
        outstanding: outstanding.map(moneyOut),
        ...(limit ? { creditLimit: moneyOut(limit) } : {}),
        ...(limit && owedInLimit ? { headroom: moneyOut(subtract(limit, owedInLimit)) as MoneyOut } : {}),
        basis: EXPOSURE_BASIS,
      },
    };
  };
}

export type CustomerInsights = Awaited<ReturnType<ReturnType<typeof makeCustomerInsights>>>;
