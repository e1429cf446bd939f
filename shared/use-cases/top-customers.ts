import type { TopQuery } from '../contracts/customer-insights';
import { addMonths, monthOf, monthsEndingWith } from '../domain/calendar-keys';
import {
  type Conversion,
  convertDated,
  type DatedAmount,
  MISSING_RATES_LISTED,
  type MissingRate,
  missingRatesMessage,
  type RateUsed,
} from '../domain/company-conversion';
import type { MonthlyRevenue } from '../domain/customer-activity';
import { RateTable } from '../domain/exchange-rates';
import type { Money } from '../domain/money';
import type { Clock } from '../ports/clock';
import type { CustomerSegments } from '../ports/customer-activity';
import type { ExchangeRateSettingsStore } from '../ports/exchange-rate-settings';
import { moneyOut } from './money-view';

export interface TopCustomersDeps {
  segments: Pick<CustomerSegments, 'revenueInMonth'>;
  /** The company currency and its dated rates (`/settings/exchange-rates`). */
  rates: Pick<ExchangeRateSettingsStore, 'get'>;
  clock: Clock;
}

/** The answer of GET /customers/lists/top (shared/contracts/customer-insights.ts: topResponse). */
export interface TopCustomers {
  from: string;
  to: string;
  rankings: ReturnType<typeof ranking>[];
  unavailable?: string;
  conversion?: {
    currency: string;
    ratesVersion: number;
    ratesUsed?: RateUsed[];
    missingRates?: MissingRate[];
  };
}

interface Total {
  minor: number;
  orderCount: number;
}

/**
 * GET /customers/lists/top: customers by revenue over the last `months` calendar months (the current
 * one included), from the orders that count, read from the revenue-per-month items (one partition a
 * month; no scan). In `currency` when given (that currency's orders only, not converted). Otherwise
 * in the company currency of `/settings/exchange-rates`, each order converted at the rate in force
 * on the day it was placed, and the answer names the rates used (`conversion.ratesUsed`). When any
 * order has no rate, nothing is converted: one ranking per currency, with `unavailable` saying so
 * and `conversion.missingRates` listing what to add. (A month stored before orders were kept one by
 * one converts at the rate of its last day, or today's for the current month.)
 */
export function makeTopCustomers(deps: TopCustomersDeps) {
  return async (query: TopQuery): Promise<TopCustomers> => {
    const now = deps.clock.now();
    const to = monthOf(now.toISOString());
    const months = monthsEndingWith(to, query.months);
    const lines = (await Promise.all(months.map((month) => deps.segments.revenueInMonth(month)))).flat();
    const period = { from: addMonths(to, 1 - query.months), to };

    if (query.currency) {
      const wanted = lines.filter((line) => line.currency === query.currency);
      return { ...period, rankings: [ranking(query.currency, false, totalsOf(wanted), query.limit)] };
    }

    const settings = await deps.rates.get();
    const company = { currency: settings.companyCurrency, rates: new RateTable(settings.rates) };
    const today = now.toISOString().slice(0, 10);
    const dated = lines.flatMap((line) => datedAmounts(line, today).map((amount) => ({ line, amount })));
    const conversion: Conversion = convertDated(
      dated.map(({ amount }) => amount),
      company,
    );
    const ratesVersion = settings.version;

    if (!conversion.converted) {
      const byCurrency = new Map<string, MonthlyRevenue[]>();
      for (const line of lines)
        byCurrency.set(line.currency, [...(byCurrency.get(line.currency) ?? []), line]);
      return {
        ...period,
        rankings: [...byCurrency.keys()]
          .sort()
          .map((currency) => ranking(currency, false, totalsOf(byCurrency.get(currency) ?? []), query.limit)),
        unavailable: `${missingRatesMessage(conversion.missingRates)}; ranked in each currency instead`,
        conversion: {
          currency: conversion.currency,
          ratesVersion,
          missingRates: conversion.missingRates.slice(0, MISSING_RATES_LISTED),
        },
      };
    }

    const totals = new Map<string, Total>();
    dated.forEach(({ line }, i) => {
      const sum = totals.get(line.customerId) ?? { minor: 0, orderCount: 0 };
      totals.set(line.customerId, {
        minor: sum.minor + conversion.amounts[i].minor,
        orderCount: sum.orderCount,
      });
    });
    for (const line of lines) {
      const sum = totals.get(line.customerId) as Total;
      sum.orderCount += line.orderCount;
    }
    return {
      ...period,
      rankings: [ranking(conversion.currency, true, totals, query.limit)],
      conversion: { currency: conversion.currency, ratesVersion, ratesUsed: conversion.ratesUsed },
    };
  };
}

/** The line's orders with their days; a line stored without them, as one amount on its month's last day. */
function datedAmounts(line: MonthlyRevenue, today: string): DatedAmount[] {
  if (line.orders?.length) {
    return line.orders.map((order) => ({
      money: { currency: line.currency, minor: order.minor },
      on: order.on,
    }));
  }
  const lastDay = new Date(Date.UTC(Number(line.month.slice(0, 4)), Number(line.month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  return [{ money: { currency: line.currency, minor: line.minor }, on: lastDay < today ? lastDay : today }];
}

function totalsOf(lines: readonly MonthlyRevenue[]): Map<string, Total> {
  const totals = new Map<string, Total>();
  for (const line of lines) {
    const sum = totals.get(line.customerId) ?? { minor: 0, orderCount: 0 };
    totals.set(line.customerId, {
      minor: sum.minor + line.minor,
      orderCount: sum.orderCount + line.orderCount,
    });
  }
  return totals;
}

function ranking(currency: string, converted: boolean, totals: Map<string, Total>, limit: number) {
  return {
    currency,
    converted,
    customers: [...totals.entries()]
      .filter(([, sum]) => sum.minor > 0)
      .sort(([a, x], [b, y]) => y.minor - x.minor || (a < b ? -1 : 1))
      .slice(0, limit)
      .map(([customerId, sum], i) => ({
        rank: i + 1,
        customerId,
        revenue: moneyOut({ currency, minor: sum.minor } satisfies Money),
        orderCount: sum.orderCount,
      })),
  };
}
