import {
  type Aging,
  type AgingLine,
  agingChart,
  agingCharts,
  agingTableRows,
  niceCeiling,
  PLOT,
} from '../../../console/src/pages/finance/aging-model';

const line = (
  currency: string,
  buckets: [string, string, string, string, string],
  total: string,
): AgingLine => ({
  currency,
  buckets: {
    current: buckets[0],
    '1-30': buckets[1],
    '31-60': buckets[2],
    '61-90': buckets[3],
    '90+': buckets[4],
  },
  total,
});

const aging = (change: Partial<Aging> = {}): Aging => ({
  asOf: '2026-05-01',
  companyCurrency: 'EUR',
  customers: [],
  totals: [],
  notYetDue: [],
  ...change,
});

describe('the aging chart', () => {
  it('scales the bars to the largest bucket, rounded up to a round axis top', () => {
    // Prepare
    const size = { width: 520, height: 240 };
    const eur = line('EUR', ['1000.00', '400.00', '0.00', '0.00', '1800.00'], '3200.00');

    // Act
    const chart = agingChart(eur, size);

    // Assess
    const plotHeight = size.height - PLOT.top - PLOT.bottom;
    const baseline = PLOT.top + plotHeight;
    expect(chart.bars.map((bar) => bar.bucket)).toEqual(['current', '1-30', '31-60', '61-90', '90+']);
    // 1800 rounds up to an axis top of 2000: 1000 is half the plot, 1800 is nine tenths of it.
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(chart.bars[0].height).toBeCloseTo(plotHeight / 2);
    expect(chart.bars[4].height).toBeCloseTo(plotHeight * 0.9);
    expect(chart.bars[2].height).toBe(0);
    for (const bar of chart.bars) expect(bar.y + bar.height).toBeCloseTo(baseline);
    expect(chart.bars[4].amount).toEqual({ amount: '1800.00', currency: 'EUR' });
    expect(chart.total).toEqual({ amount: '3200.00', currency: 'EUR' });
  });

  it('places the bars left to right inside the plot, without overlapping', () => {
    // Prepare
    const chart = agingChart(line('USD', ['1', '2', '3', '4', '5'], '15'), { width: 400, height: 200 });

    // Act
    const edges = chart.bars.map((bar) => [bar.x, bar.x + bar.width]);

    // Assess
    expect(edges[0][0]).toBeGreaterThanOrEqual(PLOT.left);
    expect(edges[4][1]).toBeLessThanOrEqual(400 - PLOT.right);
    for (let i = 1; i < edges.length; i++) expect(edges[i][0]).toBeGreaterThan(edges[i - 1][1]);
    for (const bar of chart.bars) expect(bar.labelX).toBeCloseTo(bar.x + bar.width / 2);
  });

  it('draws nothing above the baseline when nothing is owed', () => {
    // Act
    const chart = agingChart(line('EUR', ['0.00', '0.00', '0.00', '0.00', '0.00'], '0.00'), {
      width: 400,
      height: 200,
    });

    // Assess
    expect(chart.bars.every((bar) => bar.height === 0)).toBe(true);
    expect(chart.ticks).toHaveLength(1);
  });

  it('rounds axis tops to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 7, 10, 11, 24, 26, 4999, 5001, 0.3].map(niceCeiling)).toEqual([
      0, 10, 10, 20, 25, 50, 5000, 10000, 0.5,
    ]);
  });

  it('draws the company-currency total when several currencies are owed and could be converted', () => {
    // Prepare
    const converted = { ...line('EUR', ['10', '0', '0', '0', '5'], '15'), ratesOn: '2026-05-01' };
    const answer = aging({
      totals: [line('EUR', ['5', '0', '0', '0', '0'], '5'), line('USD', ['5', '0', '0', '0', '5'], '10')],
      inCompanyCurrency: converted,
    });

    // Act
    const charts = agingCharts(answer);

    // Assess
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ currency: 'EUR', converted: true, ratesOn: '2026-05-01' });
  });

  it('draws one chart per currency when the amounts could not be converted, and none when nothing is owed', () => {
    // Prepare
    const answer = aging({
      totals: [line('EUR', ['5', '0', '0', '0', '0'], '5'), line('USD', ['5', '0', '0', '0', '5'], '10')],
      conversionProblem: 'no EUR rate for USD',
    });

    // Act / Assess
    expect(agingCharts(answer).map((chart) => [chart.currency, chart.converted])).toEqual([
      ['EUR', false],
      ['USD', false],
    ]);
    expect(agingCharts(aging())).toEqual([]);
  });

  it('lists the table fallback per customer and currency, the largest total first', () => {
    // Prepare
    const answer = aging({
      customers: [
        { customerId: 'cus_small', byCurrency: [line('EUR', ['10', '0', '0', '0', '0'], '10')] },
        {
          customerId: 'cus_big',
          byCurrency: [
            line('EUR', ['0', '0', '0', '0', '900'], '900'),
            line('USD', ['1', '0', '0', '0', '0'], '1'),
          ],
        },
      ],
    });

    // Act
    const rows = agingTableRows(answer);

    // Assess
    expect(rows.map((row) => [row.customerId, row.currency, row.total.amount])).toEqual([
      ['cus_big', 'EUR', '900'],
      ['cus_small', 'EUR', '10'],
      ['cus_big', 'USD', '1'],
    ]);
    expect(rows[0].buckets['90+']).toEqual({ amount: '900', currency: 'EUR' });
  });
});
