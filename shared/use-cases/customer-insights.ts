import { MISSING_RATES_LISTED, missingRatesMessage } from '../domain/company-conversion';
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
import { RateTable } from '../domain/exchange-rates';
import type { Money } from '../domain/money';
import { subtract } from '../domain/money-math';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { CustomerActivityRepository } from '../ports/customer-activity';
import type { CustomerRepository } from '../ports/customers';
import type { ExchangeRateSettingsStore } from '../ports/exchange-rate-settings';
import type { OrderRepository } from '../ports/orders';
import { makeCustomerOutstanding } from './customer-outstanding';
import { moneyOut } from './money-view';

export interface CustomerInsightsDeps {
  customers: Pick<CustomerRepository, 'get'>;
  activity: Pick<CustomerActivityRepository, 'facts'>;
  orders: OrderRepository;
  clock: Clock;
  /** The company currency and its dated rates (`/settings/exchange-rates`): revenue is also given in it. */
  rates: Pick<ExchangeRateSettingsStore, 'get'>;
}

export const EXPOSURE_BASIS =
  'unpaid amounts of orders already shipped (in transit, delivered, awaiting payment), as the credit review counts them';

type MoneyOut = ReturnType<typeof moneyOut>;

/**
 * GET /customers/{id}/insights: the customer's dealings in figures. Amounts are per currency (never
 * added across currencies without a rate), and revenue also in the company currency of
 * `/settings/exchange-rates`: each order at the rate in force on the day it was placed, naming the
 * rates used (`ratesUsed`: pair, rate, the day it took effect). When any order has no rate, no total
 * is given: `unavailable` says so and `missingRates` lists what to add.
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

    const settings = await deps.rates.get();
    const company = inCompanyCurrency(orders, {
      currency: settings.companyCurrency,
      rates: new RateTable(settings.rates),
    });
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
      inCompanyCurrency: company.converted
        ? {
            currency: company.currency,
            lifetimeRevenue: moneyOut(company.lifetimeRevenue),
            averageOrderValue: moneyOut(company.averageOrderValue),
            ratesUsed: company.ratesUsed,
            ratesVersion: settings.version,
          }
        : {
            currency: company.currency,
            unavailable: missingRatesMessage(company.missingRates),
            missingRates: company.missingRates.slice(0, MISSING_RATES_LISTED),
            ratesVersion: settings.version,
          },
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
