/**
 * The receivables aging (`GET /receivables/aging`) as bar charts: one bar per bucket (current, 1–30,
 * 31–60, 61–90, 90+ days late), in the company currency when rates allow, else one chart per
 * currency. Pure geometry for an inline SVG, and the rows of its table fallback.
 */

import type { Money } from '../../ui/format';

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingLine {
  currency: string;
  buckets: Record<AgingBucket, string>;
  total: string;
}

export interface Aging {
  asOf: string;
  companyCurrency: string;
  customers: { customerId: string; byCurrency: AgingLine[]; inCompanyCurrency?: AgingLine }[];
  totals: AgingLine[];
  inCompanyCurrency?: AgingLine & { ratesOn: string };
  conversionProblem?: string;
  notYetDue: Money[];
}

export interface ChartSize {
  width: number;
  height: number;
}

/** The plot's margins: room for the amount axis on the left and the bucket names below. */
export const PLOT = { left: 72, right: 12, top: 16, bottom: 36 } as const;

export interface ChartBar {
  bucket: AgingBucket;
  amount: Money;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the bucket's name goes (the bar's centre). */
  labelX: number;
}

export interface AgingChart {
  currency: string;
  /** Converted into the company currency (at the rates of `ratesOn`). */
  converted: boolean;
  ratesOn?: string;
  total: Money;
  bars: ChartBar[];
  /** The amount axis: values and their heights. */
  ticks: { value: number; y: number }[];
  size: ChartSize;
}

/** The smallest "round" number (1, 2, 2.5, 5 × 10ⁿ) at or above a value: the axis' top. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** One chart of one aging line: bars scaled to the largest bucket (rounded up), four axis ticks. */
export function agingChart(
  line: AgingLine,
  size: ChartSize,
  options: { converted?: boolean; ratesOn?: string } = {},
): AgingChart {
  const plotWidth = size.width - PLOT.left - PLOT.right;
  const plotHeight = size.height - PLOT.top - PLOT.bottom;
  const baseline = PLOT.top + plotHeight;
  const top = niceCeiling(Math.max(0, ...AGING_BUCKETS.map((bucket) => Number(line.buckets[bucket]))));
  const slot = plotWidth / AGING_BUCKETS.length;
  const barWidth = slot * 0.6;
  const heightOf = (value: number) => (top === 0 ? 0 : (Math.max(0, value) / top) * plotHeight);
  const bars = AGING_BUCKETS.map((bucket, index): ChartBar => {
    const height = heightOf(Number(line.buckets[bucket]));
    const x = PLOT.left + slot * index + (slot - barWidth) / 2;
    return {
      bucket,
      amount: { amount: line.buckets[bucket], currency: line.currency },
      x,
      y: baseline - height,
      width: barWidth,
      height,
      labelX: x + barWidth / 2,
    };
  });
  const ticks =
    top === 0
      ? [{ value: 0, y: baseline }]
      : [0, 0.25, 0.5, 0.75, 1].map((share) => ({ value: top * share, y: baseline - plotHeight * share }));
  return {
    currency: line.currency,
    converted: options.converted ?? false,
    ...(options.ratesOn ? { ratesOn: options.ratesOn } : {}),
    total: { amount: line.total, currency: line.currency },
    bars,
    ticks,
    size,
  };
}

/**
 * The charts to draw: the company-currency total when the API could convert (and more than one
 * currency is owed), else one per currency owed. None when nothing is owed.
 */
export function agingCharts(aging: Aging, size: ChartSize = { width: 520, height: 240 }): AgingChart[] {
  const converted = aging.inCompanyCurrency;
  const single = aging.totals.length === 1 && aging.totals[0]?.currency === aging.companyCurrency;
  if (converted && aging.totals.length > 0 && !single)
    return [agingChart(converted, size, { converted: true, ratesOn: converted.ratesOn })];
  return aging.totals.map((line) => agingChart(line, size));
}

export interface AgingTableRow {
  customerId: string;
  currency: string;
  buckets: Record<AgingBucket, Money>;
  total: Money;
}

/** The table beside the chart (and for screen readers): per customer and currency, largest total first. */
export function agingTableRows(aging: Aging): AgingTableRow[] {
  const rows = aging.customers.flatMap((customer) =>
    customer.byCurrency.map(
      (line): AgingTableRow => ({
        customerId: customer.customerId,
        currency: line.currency,
        buckets: Object.fromEntries(
          AGING_BUCKETS.map((bucket) => [bucket, { amount: line.buckets[bucket], currency: line.currency }]),
        ) as Record<AgingBucket, Money>,
        total: { amount: line.total, currency: line.currency },
      }),
    ),
  );
  return rows.sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) ||
      Number(b.total.amount) - Number(a.total.amount) ||
      a.customerId.localeCompare(b.customerId),
  );
}
