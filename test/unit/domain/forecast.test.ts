import { DEFAULT_HOLT, holtFit, holtForecast } from '../../../shared/domain/forecast';

describe("Holt's linear exponential smoothing", () => {
  it('continues a straight line exactly', () => {
    // Prepare
    const series = [10, 12, 14, 16];

    // Act
    const forecast = holtForecast(series, 3);

    // Assess: level 16, trend 2 whatever α and β
    expect(forecast).toEqual([18, 20, 22]);
  });

  it('matches a hand computation with α = β = 0.5', () => {
    // Prepare: l0 = 10, b0 = 4
    //   y=14: l = 7 + 0.5·14 = 14;        b = 0.5·4 + 0.5·4 = 4
    //   y=12: l = 6 + 0.5·18 = 15;        b = 0.5·1 + 0.5·4 = 2.5
    //   y=18: l = 9 + 0.5·17.5 = 17.75;   b = 0.5·2.75 + 0.5·2.5 = 2.625
    const series = [10, 14, 12, 18];

    // Act
    const fit = holtFit(series, { alpha: 0.5, beta: 0.5 });
    const forecast = holtForecast(series, 3, { alpha: 0.5, beta: 0.5 });

    // Assess: 17.75 + h·2.625 → 20.375, 23, 25.625 (two decimals)
    expect(fit).toEqual({ level: 17.75, trend: 2.625 });
    expect(forecast).toEqual([20.38, 23, 25.63]);
  });

  it('matches a hand computation with the defaults (α 0.5, β 0.3)', () => {
    // Prepare: l0 = 10, b0 = 4
    //   y=14: l = 14;     b = 0.3·4 + 0.7·4 = 4
    //   y=12: l = 15;     b = 0.3·1 + 0.7·4 = 3.1
    //   y=18: l = 9 + 0.5·18.1 = 18.05;   b = 0.3·3.05 + 0.7·3.1 = 3.085
    const series = [10, 14, 12, 18];

    // Act
    const fit = holtFit(series, DEFAULT_HOLT);

    // Assess
    expect(fit.level).toBeCloseTo(18.05, 10);
    expect(fit.trend).toBeCloseTo(3.085, 10);
    expect(holtForecast(series, 2)).toEqual([21.14, 24.22]);
  });

  it('never forecasts a negative quantity', () => {
    // Act
    const forecast = holtForecast([30, 20, 10, 0], 3);

    // Assess: the line would go to -10, -20, -30
    expect(forecast).toEqual([0, 0, 0]);
  });

  it('forecasts zeros with no history, and the one value with one month', () => {
    // Act / Assess
    expect(holtForecast([], 3)).toEqual([0, 0, 0]);
    expect(holtForecast([7], 3)).toEqual([7, 7, 7]);
  });

  it('refuses smoothing factors outside (0, 1]', () => {
    // Act / Assess
    expect(() => holtFit([1, 2], { alpha: 0, beta: 0.3 })).toThrow(RangeError);
    expect(() => holtFit([1, 2], { alpha: 0.5, beta: 1.5 })).toThrow(RangeError);
  });
});
