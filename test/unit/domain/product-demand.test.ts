import { productDemand } from '../../../shared/domain/product-demand';

const row = (month: string, customerId: string, orderId: string, quantity: number, isVoid = false) => ({
  sku: 'VALVE-DN50',
  month,
  customerId,
  orderId,
  quantity,
  ...(isVoid ? { void: true } : {}),
});

describe('product demand', () => {
  it('adds up months and customers, leaves void orders out, and forecasts from complete months', () => {
    // Prepare: on 2026-05-10, four complete months (Jan–Apr: 10, 14, 12, 18) and May so far
    const rows = [
      row('2026-01', 'cus_a', 'o1', 6),
      row('2026-01', 'cus_b', 'o2', 4),
      row('2026-02', 'cus_a', 'o3', 14),
      row('2026-03', 'cus_b', 'o4', 12),
      row('2026-03', 'cus_b', 'o5', 100, true),
      row('2026-04', 'cus_a', 'o6', 8),
      row('2026-04', 'cus_c', 'o7', 10),
      row('2026-05', 'cus_c', 'o8', 3),
      row('2025-12', 'cus_a', 'o0', 50), // before the window
      { ...row('2026-02', 'cus_a', 'ox', 99), sku: 'PUMP-3KW' }, // another product
    ];

    // Act
    const demand = productDemand('VALVE-DN50', rows, new Date('2026-05-10T12:00:00Z'), 4, {
      alpha: 0.5,
      beta: 0.5,
    });

    // Assess
    expect(demand.months.map((m) => [m.month, m.quantity, m.partial ?? false])).toEqual([
      ['2026-01', 10, false],
      ['2026-02', 14, false],
      ['2026-03', 12, false],
      ['2026-04', 18, false],
      ['2026-05', 3, true],
    ]);
    expect(demand.months[3].byCustomer).toEqual([
      { customerId: 'cus_c', quantity: 10 },
      { customerId: 'cus_a', quantity: 8 },
    ]);
    expect(demand.byCustomer).toEqual([
      { customerId: 'cus_a', quantity: 28 },
      { customerId: 'cus_b', quantity: 16 },
      { customerId: 'cus_c', quantity: 13 },
    ]);
    // The hand-computed series of test/unit/domain/forecast.test.ts: 20.375, 23, 25.625
    expect(demand.forecast).toMatchObject({
      fittedOn: { from: '2026-01', to: '2026-04' },
      months: [
        { month: '2026-05', quantity: 20.38 },
        { month: '2026-06', quantity: 23 },
        { month: '2026-07', quantity: 25.63 },
      ],
    });
  });
});
