import { makeInMemoryCustomerActivity } from '../../../../shared/adapters/in-memory/customer-activity';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryExchangeRateSettings } from '../../../../shared/adapters/in-memory/exchange-rate-settings';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import type { ExchangeRateSettings } from '../../../../shared/domain/exchange-rate-settings';
import { makeCustomerInsights } from '../../../../shared/use-cases/customer-insights';
import { makeRefreshCustomerSummary } from '../../../../shared/use-cases/refresh-customer-summary';
import { makeTopCustomers } from '../../../../shared/use-cases/top-customers';

const US_BUYER = 'cus_01JCUR00000000000000000001';
const EU_BUYER = 'cus_01JCUR00000000000000000002';

/** 1 EUR = 1.0800 USD from January, 1.2500 USD from February: each order takes its own day's rate. */
const SETTINGS: ExchangeRateSettings = {
  companyCurrency: 'EUR',
  rates: [
    { from: 'EUR', to: 'USD', rate: '1.0800', effectiveFrom: '2026-01-01' },
    { from: 'EUR', to: 'USD', rate: '1.2500', effectiveFrom: '2026-02-01' },
  ],
  version: 3,
};

/**
 * US_BUYER: USD 540.00 on Jan 15 (EUR 500.00 at 1.08) and USD 500.00 on Feb 15 (EUR 400.00 at 1.25),
 * then EUR 100.00 on Mar 1. EU_BUYER: EUR 950.00 on Mar 2.
 */
async function world(settings?: ExchangeRateSettings) {
  const clock = { now: () => new Date('2026-03-20T12:00:00.000Z') };
  const activity = makeInMemoryCustomerActivity();
  const refresh = makeRefreshCustomerSummary({ activity, clock });
  const orders: [string, string, string, string, number][] = [
    [US_BUYER, 'ord_u1', '2026-01-15T10:00:00.000Z', 'USD', 54_000],
    [US_BUYER, 'ord_u2', '2026-02-15T10:00:00.000Z', 'USD', 50_000],
    [US_BUYER, 'ord_u3', '2026-03-01T10:00:00.000Z', 'EUR', 10_000],
    [EU_BUYER, 'ord_e1', '2026-03-02T10:00:00.000Z', 'EUR', 95_000],
  ];
  for (const [customerId, orderId, placedAt, currency, totalMinor] of orders) {
    await activity.recordFact(customerId, 'order', orderId, { placedAt, currency, totalMinor });
    await refresh(customerId, placedAt.slice(0, 7));
  }
  const customers = makeInMemoryCustomerRepository();
  for (const customerId of [US_BUYER, EU_BUYER]) {
    await customers.create({
      customerId,
      name: 'A buyer',
      email: `${customerId}@example.com`,
      country: 'US',
      language: 'en',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
  }
  const rates = makeInMemoryExchangeRateSettings(settings);
  return {
    insights: makeCustomerInsights({
      customers,
      activity,
      orders: makeInMemoryOrderRepository(),
      clock,
      rates,
    }),
    top: makeTopCustomers({ segments: activity, rates, clock }),
  };
}

describe('reporting in the company currency from the dated exchange-rate settings', () => {
  it('converts each order of the insights at the rate in force on its day, and names those rates', async () => {
    // Prepare
    const { insights } = await world(SETTINGS);

    // Act
    const answer = await insights(US_BUYER);

    // Assess: 500.00 + 400.00 + 100.00
    expect(answer.lifetimeRevenue).toEqual([
      { amount: '100.00', currency: 'EUR' },
      { amount: '1040.00', currency: 'USD' },
    ]);
    expect(answer.inCompanyCurrency).toEqual({
      currency: 'EUR',
      lifetimeRevenue: { amount: '1000.00', currency: 'EUR' },
      averageOrderValue: { amount: '333.33', currency: 'EUR' },
      ratesUsed: [
        { from: 'USD', to: 'EUR', rate: '1.0800', effectiveFrom: '2026-01-01', inverted: true, amounts: 1 },
        { from: 'USD', to: 'EUR', rate: '1.2500', effectiveFrom: '2026-02-01', inverted: true, amounts: 1 },
      ],
      ratesVersion: 3,
    });
  });

  it('gives no company-currency total when a rate is missing, but says which rates to add', async () => {
    // Prepare: GBP, with no GBP rate at all
    const { insights } = await world({ ...SETTINGS, companyCurrency: 'GBP' });

    // Act
    const answer = await insights(US_BUYER);

    // Assess
    expect(answer.inCompanyCurrency).toEqual({
      currency: 'GBP',
      unavailable:
        'no EUR/GBP exchange rate in effect on 2026-03-01 (and 2 more: see missingRates): add the rates with PUT /settings/exchange-rates',
      missingRates: [
        { from: 'EUR', to: 'GBP', on: '2026-03-01' },
        { from: 'USD', to: 'GBP', on: '2026-01-15' },
        { from: 'USD', to: 'GBP', on: '2026-02-15' },
      ],
      ratesVersion: 3,
    });
    expect(answer.inCompanyCurrency).not.toHaveProperty('lifetimeRevenue');
  });

  it('says a rate is missing for an order placed before the first rate took effect', async () => {
    // Prepare: the only rate takes effect after the January order
    const { insights } = await world({ ...SETTINGS, rates: SETTINGS.rates.slice(1) });

    // Act
    const answer = await insights(US_BUYER);

    // Assess
    expect(answer.inCompanyCurrency.missingRates).toEqual([{ from: 'USD', to: 'EUR', on: '2026-01-15' }]);
    expect(answer.inCompanyCurrency.unavailable).toContain('USD/EUR');
  });

  it('ranks top customers in the company currency, each order at its day’s rate', async () => {
    // Prepare
    const { top } = await world(SETTINGS);

    // Act
    const ranked = await top({ months: 3, limit: 10 });

    // Assess: EU_BUYER 950.00; US_BUYER 1000.00
    expect(ranked).toEqual({
      from: '2026-01',
      to: '2026-03',
      rankings: [
        {
          currency: 'EUR',
          converted: true,
          customers: [
            { rank: 1, customerId: US_BUYER, revenue: { amount: '1000.00', currency: 'EUR' }, orderCount: 3 },
            { rank: 2, customerId: EU_BUYER, revenue: { amount: '950.00', currency: 'EUR' }, orderCount: 1 },
          ],
        },
      ],
      conversion: {
        currency: 'EUR',
        ratesVersion: 3,
        ratesUsed: [
          { from: 'USD', to: 'EUR', rate: '1.0800', effectiveFrom: '2026-01-01', inverted: true, amounts: 1 },
          { from: 'USD', to: 'EUR', rate: '1.2500', effectiveFrom: '2026-02-01', inverted: true, amounts: 1 },
        ],
      },
    });
  });

  it('ranks per currency, saying so, when a rate is missing; a currency asked for is not converted', async () => {
    // Prepare: no rates stored at all (the defaults: EUR, none)
    const { top } = await world();

    // Act
    const ranked = await top({ months: 3, limit: 10 });
    const inUsd = await top({ months: 3, limit: 10, currency: 'USD' });

    // Assess
    expect(
      ranked.rankings.map((r) => [r.currency, r.converted, r.customers.map((c) => c.revenue.amount)]),
    ).toEqual([
      ['EUR', false, ['950.00', '100.00']],
      ['USD', false, ['1040.00']],
    ]);
    expect(ranked.unavailable).toBe(
      'no USD/EUR exchange rate in effect on 2026-01-15 (and 1 more: see missingRates): add the rates with PUT /settings/exchange-rates; ranked in each currency instead',
    );
    expect(ranked.conversion).toEqual({
      currency: 'EUR',
      ratesVersion: 0,
      missingRates: [
        { from: 'USD', to: 'EUR', on: '2026-01-15' },
        { from: 'USD', to: 'EUR', on: '2026-02-15' },
      ],
    });
    expect(inUsd).toEqual({
      from: '2026-01',
      to: '2026-03',
      rankings: [
        {
          currency: 'USD',
          converted: false,
          customers: [
            { rank: 1, customerId: US_BUYER, revenue: { amount: '1040.00', currency: 'USD' }, orderCount: 2 },
          ],
        },
      ],
    });
  });

  it('converts a month stored before orders were kept one by one at its last day’s rate', async () => {
    // Prepare: a March line with no per-order amounts, in USD
    const activity = makeInMemoryCustomerActivity();
    await activity.saveMonthlyRevenue(
      US_BUYER,
      '2026-01',
      [{ month: '2026-01', customerId: US_BUYER, currency: 'USD', minor: 108_000, orderCount: 2 }],
      1,
    );
    const top = makeTopCustomers({
      segments: activity,
      rates: makeInMemoryExchangeRateSettings(SETTINGS),
      clock: { now: () => new Date('2026-03-20T12:00:00.000Z') },
    });

    // Act
    const ranked = await top({ months: 3, limit: 10 });

    // Assess: at January 31's rate (1.08): 1080.00 USD = 1000.00 EUR
    expect(ranked.rankings[0].customers).toEqual([
      { rank: 1, customerId: US_BUYER, revenue: { amount: '1000.00', currency: 'EUR' }, orderCount: 2 },
    ]);
    expect(ranked.conversion?.ratesUsed).toEqual([
      { from: 'USD', to: 'EUR', rate: '1.0800', effectiveFrom: '2026-01-01', inverted: true, amounts: 1 },
    ]);
  });
});
