/**
 * Demand forecasting: Holt's linear exponential smoothing (double exponential smoothing), a level
 * and a trend, each smoothed. Chosen over a moving average because a product's monthly demand often
 * grows or shrinks steadily, and Holt follows that slope where a moving average lags behind it.
 *
 *   start:   level₀ = y₀, trend₀ = y₁ − y₀ (0 with one observation)
 *   step t:  levelₜ = α·yₜ + (1 − α)·(levelₜ₋₁ + trendₜ₋₁)
 *            trendₜ = β·(levelₜ − levelₜ₋₁) + (1 − β)·trendₜ₋₁
 *   ahead h: level + h·trend, never below 0 (a quantity), rounded to 2 decimals
 *
 * With no observations the forecast is 0. Pure: no clock, no I/O.
 */

export interface HoltOptions {
  /** Level smoothing, 0 < α ≤ 1: how fast the level follows the latest month. */
  alpha: number;
  /** Trend smoothing, 0 < β ≤ 1: how fast the slope follows the latest change of level. */
  beta: number;
}

export const DEFAULT_HOLT: HoltOptions = { alpha: 0.5, beta: 0.3 };

export interface HoltFit {
  level: number;
  trend: number;
}

/** The level and trend after the last observation. */
export function holtFit(series: readonly number[], options: HoltOptions = DEFAULT_HOLT): HoltFit {
  const { alpha, beta } = checked(options);
  if (series.length === 0) return { level: 0, trend: 0 };
  let level = series[0];
  let trend = series.length > 1 ? series[1] - series[0] : 0;
  for (let t = 1; t < series.length; t++) {
    const previous = level;
    level = alpha * series[t] + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  return { level, trend };
}

/** The next `horizon` values after the series. */
export function holtForecast(
  series: readonly number[],
  horizon: number,
  options: HoltOptions = DEFAULT_HOLT,
): number[] {
  const { level, trend } = holtFit(series, options);
  return Array.from({ length: horizon }, (_, i) => round2(Math.max(0, level + (i + 1) * trend)));
}

function checked(options: HoltOptions): HoltOptions {
  for (const [name, value] of Object.entries(options)) {
    if (!(value > 0 && value <= 1)) throw new RangeError(`${name} must be in (0, 1]; got ${value}`);
  }
  return options;
}

/** Two decimals, and no "-0". */
function round2(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
