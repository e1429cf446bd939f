import { addMonths, monthOf, monthsEndingWith } from './calendar-keys';
import { DEFAULT_HOLT, type HoltOptions, holtForecast } from './forecast';

/**
 * A product's demand: the quantities ordered of it, per month (UTC) and per customer, and a forecast.
 * One row per order that holds the product (its lines for the sku added up); cancelled and rejected
 * orders do not count (the goods were never taken). Pure.
 */

export interface DemandRow {
  sku: string;
  month: string;
  customerId: string;
  orderId: string;
  quantity: number;
  /** The order was cancelled or refused after it was placed. */
  void?: boolean;
}

export interface CustomerQuantity {
  customerId: string;
  quantity: number;
}

export interface DemandMonth {
  month: string;
  quantity: number;
  /** The current month, still running: shown, but not used to fit the forecast. */
  partial?: true;
  byCustomer: CustomerQuantity[];
}

export interface ProductDemand {
  sku: string;
  months: DemandMonth[];
  byCustomer: CustomerQuantity[];
  forecast: {
    method: string;
    alpha: number;
    beta: number;
    /** The complete months the forecast was fitted on. */
    fittedOn: { from: string; to: string };
    months: { month: string; quantity: number }[];
  };
}

export const FORECAST_HORIZON = 3;

/**
 * `months` complete months before the one `now` is in, then the current month (partial). The
 * forecast is fitted on the complete months and covers the current month and the two after it.
 */
export function demandWindow(now: Date, months: number): { complete: string[]; current: string } {
  const current = monthOf(now.toISOString());
  return { complete: monthsEndingWith(addMonths(current, -1), months), current };
}

export function productDemand(
  sku: string,
  rows: readonly DemandRow[],
  now: Date,
  months: number,
  holt: HoltOptions = DEFAULT_HOLT,
): ProductDemand {
  const { complete, current } = demandWindow(now, months);
  const counted = rows.filter((row) => row.sku === sku && !row.void && row.quantity > 0);
  const monthRows = (month: string) => counted.filter((row) => row.month === month);
  const shown: DemandMonth[] = [...complete, current].map((month) => ({
    month,
    quantity: total(monthRows(month)),
    ...(month === current ? { partial: true as const } : {}),
    byCustomer: perCustomer(monthRows(month)),
  }));
  const series = shown.filter((m) => !m.partial).map((m) => m.quantity);
  const forecast = holtForecast(series, FORECAST_HORIZON, holt);
  const window = new Set([...complete, current]);
  return {
    sku,
    months: shown,
    byCustomer: perCustomer(counted.filter((row) => window.has(row.month))),
    forecast: {
      method: "Holt's linear exponential smoothing (level and trend), fitted on complete months",
      alpha: holt.alpha,
      beta: holt.beta,
      fittedOn: { from: complete[0], to: complete[complete.length - 1] },
      months: forecast.map((quantity, i) => ({ month: addMonths(current, i), quantity })),
    },
  };
}

function total(rows: readonly DemandRow[]): number {
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}

/** Quantities per customer, largest first (then by id, so the answer is stable). */
function perCustomer(rows: readonly DemandRow[]): CustomerQuantity[] {
  const byCustomer = new Map<string, number>();
  for (const row of rows)
    byCustomer.set(row.customerId, (byCustomer.get(row.customerId) ?? 0) + row.quantity);
  return [...byCustomer.entries()]
    .map(([customerId, quantity]) => ({ customerId, quantity }))
    .sort((a, b) => b.quantity - a.quantity || (a.customerId < b.customerId ? -1 : 1));
}
