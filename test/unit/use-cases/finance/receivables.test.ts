import { makeInMemoryExchangeRateSettings } from '../../../../shared/adapters/in-memory/exchange-rate-settings';
import {
  makeAgingReport,
  makeListReceivables,
} from '../../../../shared/use-cases/finance/receivables-report';
import { CONFIRMED_AT, eur, financeWorld, owing } from './finance-world';

const rates = (companyCurrency = 'EUR') =>
  makeInMemoryExchangeRateSettings({
    companyCurrency,
    rates: [
      { from: 'EUR', to: 'USD', rate: '1.25', effectiveFrom: '2026-01-01' },
      { from: 'EUR', to: 'USD', rate: '1.10', effectiveFrom: '2026-06-01' },
    ],
    version: 1,
  });

/** Orders whose installments fell due on known days (confirmed 2026-04-01, delivered as given). */
function ledger() {
  return [
    // TT 30/70 awaiting its deposit (due 2026-04-01); the balance is not due yet
    owing('ord_01JQ0000000000000000000001', 'cus_A', '1000.00', {
      terms: { type: 'TT', depositPercent: 30 },
    }),
    // OA net 30, delivered 2026-02-01: due 2026-03-03
    owing('ord_01JQ0000000000000000000002', 'cus_A', '500.00', {
      terms: { type: 'OA', netDays: 30 },
      status: 'AWAITING_PAYMENT',
      deliveredAt: '2026-02-01T00:00:00.000Z',
    }),
    // USD, OA net 10 delivered 2025-12-01, half paid: due 2025-12-11
    owing('ord_01JQ0000000000000000000003', 'cus_B', '800.00', {
      currency: 'USD',
      terms: { type: 'OA', netDays: 10 },
      status: 'AWAITING_PAYMENT',
      deliveredAt: '2025-12-01T00:00:00.000Z',
      paid: '400.00',
    }),
    // fully paid: not a receivable
    owing('ord_01JQ0000000000000000000004', 'cus_B', '100.00', { status: 'IN_PRODUCTION', paid: '100.00' }),
  ];
}

describe('GET /receivables', () => {
  it('lists each open installment with its due date, days overdue and outstanding amount', async () => {
    // Prepare
    const w = financeWorld(ledger());

    // Act
    const listing = await makeListReceivables(w.deps)({ asOf: '2026-04-16' });

    // Assess
    expect(
      listing.items.map((i) => [i.orderId.slice(-1), i.kind, i.outstanding, i.dueAt, i.daysOverdue]),
    ).toEqual([
      ['3', 'full', { currency: 'USD', minor: 40000 }, '2025-12-11T00:00:00.000Z', 126],
      ['2', 'full', eur('500.00'), '2026-03-03T00:00:00.000Z', 44],
      ['1', 'deposit', eur('300.00'), CONFIRMED_AT, 15],
      ['1', 'balance', eur('700.00'), undefined, undefined],
    ]);
    expect(listing.totals).toEqual([
      { currency: 'EUR', outstanding: eur('1500.00'), overdue: eur('800.00'), notYetDue: eur('700.00') },
      {
        currency: 'USD',
        outstanding: { currency: 'USD', minor: 40000 },
        overdue: { currency: 'USD', minor: 40000 },
        notYetDue: { currency: 'USD', minor: 0 },
      },
    ]);
  });

  it("lists one customer's receivables only", async () => {
    // Prepare
    const w = financeWorld(ledger());

    // Act
    const listing = await makeListReceivables(w.deps)({ customerId: 'cus_B', asOf: '2026-04-16' });

    // Assess
    expect(listing.items.map((i) => i.orderId)).toEqual(['ord_01JQ0000000000000000000003']);
  });
});

describe('GET /receivables/aging', () => {
  it('buckets what is due by days overdue, per customer and in total, and in the company currency', async () => {
    // Prepare
    const w = financeWorld(ledger());

    // Act
    const report = await makeAgingReport({ ...w.deps, rates: rates() })({ asOf: '2026-04-16' });

    // Assess
    expect(
      report.customers.map((c) => [c.customerId, c.byCurrency.map((l) => [l.currency, l.buckets])]),
    ).toEqual([
      [
        'cus_A',
        [
          [
            'EUR',
            {
              current: eur('0.00'),
              '1-30': eur('300.00'),
              '31-60': eur('500.00'),
              '61-90': eur('0.00'),
              '90+': eur('0.00'),
            },
          ],
        ],
      ],
      [
        'cus_B',
        [
          [
            'USD',
            {
              current: { currency: 'USD', minor: 0 },
              '1-30': { currency: 'USD', minor: 0 },
              '31-60': { currency: 'USD', minor: 0 },
              '61-90': { currency: 'USD', minor: 0 },
              '90+': { currency: 'USD', minor: 40000 },
            },
          ],
        ],
      ],
    ]);
    // USD 400 at 1 EUR = 1.25 USD (the rate in effect on 2026-04-16) is EUR 320
    expect(report.inCompanyCurrency).toMatchObject({
      currency: 'EUR',
      total: eur('1120.00'),
      ratesOn: '2026-04-16',
      buckets: { '90+': eur('320.00'), '31-60': eur('500.00'), '1-30': eur('300.00') },
    });
    expect(report.notYetDue).toEqual([eur('700.00')]);
    expect(report.conversionProblem).toBeUndefined();
  });

  it('ages the same receivables as of a later day', async () => {
    // Prepare
    const w = financeWorld(ledger());

    // Act
    const report = await makeAgingReport({ ...w.deps, rates: rates() })({ asOf: '2026-06-15' });

    // Assess
    expect(report.totals.find((l) => l.currency === 'EUR')?.buckets).toMatchObject({
      '61-90': eur('300.00'),
      '90+': eur('500.00'),
    });
    // from June 1: 1 EUR = 1.10 USD, so USD 400 is EUR 363.64
    expect(report.inCompanyCurrency?.buckets['90+']).toEqual(eur('863.64'));
  });

  it('names a missing rate instead of failing the report', async () => {
    // Prepare
    const w = financeWorld(ledger());

    // Act
    const report = await makeAgingReport({ ...w.deps, rates: rates('GBP') })({ asOf: '2026-04-16' });

    // Assess
    expect(report.inCompanyCurrency).toBeUndefined();
    expect(report.conversionProblem).toMatch(/no EUR\/GBP exchange rate in effect on 2026-04-16/);
    expect(report.totals).toHaveLength(2);
  });
});
