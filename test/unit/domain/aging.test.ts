import { type AgingItem, agingReport, bucketFor, daysOverdue } from '../../../shared/domain/aging';
import { RateTable } from '../../../shared/domain/exchange-rates';
import { parseAmount } from '../../../shared/domain/money';
import { InvalidInputError } from '../../../shared/errors';

const eur = (amount: string) => parseAmount(amount, 'EUR');
const usd = (amount: string) => parseAmount(amount, 'USD');
const AS_OF = '2026-06-30';

/** The date `days` before the report date. */
const daysBefore = (days: number) =>
  new Date(Date.parse(`${AS_OF}T00:00:00Z`) - days * 86_400_000).toISOString();

const item = (
  customerId: string,
  outstanding: ReturnType<typeof eur>,
  dueAt: string,
  orderId = 'ord_1',
): AgingItem => ({
  customerId,
  orderId,
  outstanding,
  dueAt,
});

describe('aging buckets', () => {
  it.each([
    [-5, 'current'],
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '90+'],
    [400, '90+'],
  ])('puts %i days overdue in %s', (days, bucket) => {
    // Act
    const report = agingReport([item('cus_A', eur('10.00'), daysBefore(days))], AS_OF);

    // Assess
    expect(report.totals[0].buckets[bucket as 'current']).toEqual(eur('10.00'));
    expect(report.totals[0].total).toEqual(eur('10.00'));
  });

  it('counts calendar days in UTC, whatever the time of day', () => {
    // Act / Assess
    expect(daysOverdue('2026-06-29T23:59:59Z', '2026-06-30T00:00:01Z')).toBe(1);
    expect(daysOverdue('2026-06-30T23:00:00Z', '2026-06-30')).toBe(0);
    expect(daysOverdue('2026-06-30T01:00:00+02:00', '2026-06-30')).toBe(1); // 23:00 UTC the day before
    expect(daysOverdue('2026-06-29T10:00:00', '2026-06-30')).toBe(1); // no offset: read as UTC
    expect(bucketFor(daysOverdue('2026-03-31', '2026-06-29'))).toBe('61-90'); // 90 days
    expect(bucketFor(daysOverdue('2026-03-31', '2026-06-30'))).toBe('90+'); // 91 days
  });

  it('refuses a date it cannot read', () => {
    expect(() => agingReport([item('cus_A', eur('1.00'), 'soon')], AS_OF)).toThrow(InvalidInputError);
  });
});

describe('aging report', () => {
  const items = [
    item('cus_B', eur('100.00'), daysBefore(-3), 'ord_1'),
    item('cus_B', eur('200.00'), daysBefore(45), 'ord_2'),
    item('cus_B', usd('50.00'), daysBefore(100), 'ord_3'),
    item('cus_A', eur('300.00'), daysBefore(10), 'ord_4'),
    item('cus_A', eur('25.00'), daysBefore(10), 'ord_5'),
    item('cus_A', eur('0.00'), daysBefore(200), 'ord_6'),
  ];

  it('sums per customer and in total, per currency, leaving out what is settled', () => {
    // Act
    const report = agingReport(items, AS_OF);

    // Assess
    expect(report.asOf).toBe(AS_OF);
    expect(
      report.customers.map((c) => [c.customerId, c.byCurrency.map((l) => [l.currency, l.total])]),
    ).toEqual([
      ['cus_A', [['EUR', eur('325.00')]]],
      [
        'cus_B',
        [
          ['EUR', eur('300.00')],
          ['USD', usd('50.00')],
        ],
      ],
    ]);
    expect(report.customers[0].byCurrency[0].buckets).toEqual({
      current: eur('0.00'),
      '1-30': eur('325.00'),
      '31-60': eur('0.00'),
      '61-90': eur('0.00'),
      '90+': eur('0.00'),
    });
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        buckets: {
          current: eur('100.00'),
          '1-30': eur('325.00'),
          '31-60': eur('200.00'),
          '61-90': eur('0.00'),
          '90+': eur('0.00'),
        },
        total: eur('625.00'),
      },
      {
        currency: 'USD',
        buckets: {
          current: usd('0'),
          '1-30': usd('0'),
          '31-60': usd('0'),
          '61-90': usd('0'),
          '90+': usd('50.00'),
        },
        total: usd('50.00'),
      },
    ]);
    expect(report.inCompanyCurrency).toBeUndefined();
  });

  it('converts into the company currency at the rates in effect on the report date', () => {
    // Prepare
    const rates = new RateTable([
      { from: 'EUR', to: 'USD', rate: '1.05', effectiveFrom: '2026-01-01' },
      { from: 'EUR', to: 'USD', rate: '1.10', effectiveFrom: '2026-06-30' },
      { from: 'EUR', to: 'USD', rate: '9.99', effectiveFrom: '2026-07-01' },
    ]);

    // Act
    const report = agingReport(items, AS_OF, { currency: 'USD', rates });

    // Assess
    expect(report.customers[1].inCompanyCurrency).toMatchObject({
      buckets: { current: usd('110.00'), '31-60': usd('220.00'), '90+': usd('50.00') },
      total: usd('380.00'),
    });
    expect(report.inCompanyCurrency).toMatchObject({
      ratesOn: AS_OF,
      buckets: {
        current: usd('110.00'),
        '1-30': usd('357.50'),
        '31-60': usd('220.00'),
        '61-90': usd('0'),
        '90+': usd('50.00'),
      },
      total: usd('737.50'),
    });
  });

  it('gives an empty report for nothing open', () => {
    expect(agingReport([], AS_OF)).toEqual({ asOf: AS_OF, customers: [], totals: [] });
  });
});
