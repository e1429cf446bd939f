import { ExchangeRateMissingError, RateTable } from '../../../shared/domain/exchange-rates';
import { parseAmount } from '../../../shared/domain/money';
import { InvalidInputError } from '../../../shared/errors';

const table = new RateTable([
  { from: 'EUR', to: 'USD', rate: '1.0800', effectiveFrom: '2026-04-01' },
  { from: 'EUR', to: 'USD', rate: '1.0900', effectiveFrom: '2026-04-10' },
  { from: 'USD', to: 'JPY', rate: '151.25', effectiveFrom: '2026-04-01' },
  { from: 'KWD', to: 'USD', rate: '3.2541', effectiveFrom: '2026-04-01' },
]);

describe('exchange rates with dates', () => {
  it.each([
    ['on the day a rate takes effect', '2026-04-01', '1.0800'],
    ['between two rates', '2026-04-09', '1.0800'],
    ['on the day the next takes effect', '2026-04-10', '1.0900'],
    ['after the last', '2026-12-31', '1.0900'],
  ])('uses the rate in effect %s', (_case, date, quoted) => {
    // Act
    const rate = table.rateOn('EUR', 'USD', date);

    // Assess
    expect(rate.quoted).toBe(quoted);
    expect(rate.inverted).toBe(false);
  });

  it('refuses a date before any rate', () => {
    // Act
    const act = () => table.rateOn('EUR', 'USD', '2026-03-31');

    // Assess
    expect(act).toThrow(ExchangeRateMissingError);
    expect(act).toThrow('no EUR/USD exchange rate in effect on 2026-03-31');
  });

  it('converts exactly, rounding half away from zero once', () => {
    // Act / Assess
    expect(table.convert(parseAmount('100.00', 'EUR'), 'USD', '2026-04-01')).toEqual(
      parseAmount('108.00', 'USD'),
    );
    // 0.05 × 1.09 = 0.0545 → 0.05; 0.15 × 1.09 = 0.1635 → 0.16
    expect(table.convert(parseAmount('0.05', 'EUR'), 'USD', '2026-04-10')).toEqual(
      parseAmount('0.05', 'USD'),
    );
    expect(table.convert(parseAmount('0.15', 'EUR'), 'USD', '2026-04-10')).toEqual(
      parseAmount('0.16', 'USD'),
    );
    expect(table.convert(parseAmount('-0.15', 'EUR'), 'USD', '2026-04-10')).toEqual(
      parseAmount('-0.16', 'USD'),
    );
  });

  it('handles currencies with 0 and 3 minor digits', () => {
    // Act / Assess
    expect(table.convert(parseAmount('10.01', 'USD'), 'JPY', '2026-04-02')).toEqual(
      parseAmount('1514', 'JPY'),
    ); // 1514.0125
    expect(table.convert(parseAmount('1.005', 'KWD'), 'USD', '2026-04-02')).toEqual(
      parseAmount('3.27', 'USD'),
    ); // 3.2703705
  });

  it('inverts the opposite quote when the pair itself is not kept', () => {
    // Act
    const rate = table.rateOn('USD', 'EUR', '2026-04-10');
    const euros = table.convert(parseAmount('109.00', 'USD'), 'EUR', '2026-04-10');

    // Assess
    expect(rate).toMatchObject({ inverted: true, quoted: '1.0900', effectiveFrom: '2026-04-10' });
    expect(euros).toEqual(parseAmount('100.00', 'EUR'));
  });

  it('leaves an amount already in the currency alone', () => {
    expect(table.convert(parseAmount('12.34', 'EUR'), 'EUR', '2000-01-01')).toEqual(
      parseAmount('12.34', 'EUR'),
    );
  });

  it.each([
    ['a float-looking rate', { from: 'EUR', to: 'USD', rate: '1e3', effectiveFrom: '2026-04-01' }],
    ['a zero rate', { from: 'EUR', to: 'USD', rate: '0.000', effectiveFrom: '2026-04-01' }],
    ['an unknown currency', { from: 'EUR', to: 'XXY', rate: '1', effectiveFrom: '2026-04-01' }],
    ['a bad date', { from: 'EUR', to: 'USD', rate: '1', effectiveFrom: '1.4.2026' }],
  ])('refuses %s', (_case, rate) => {
    expect(() => new RateTable([rate])).toThrow(InvalidInputError);
  });

  it('refuses two different rates for a pair on one day, and accepts the same one twice', () => {
    // Prepare
    const rate = { from: 'EUR', to: 'USD', rate: '1.08', effectiveFrom: '2026-04-01' };

    // Act / Assess
    expect(() => new RateTable([rate, { ...rate, rate: '1.09' }])).toThrow(
      'two EUR/USD rates take effect on 2026-04-01',
    );
    expect(() => new RateTable([rate, rate])).not.toThrow();
  });
});
