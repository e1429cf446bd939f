import { AmountFormatError, formatAmount, multiply, parseAmount, sum } from '../../../shared/domain/money';

describe('money', () => {
  it('keeps decimal amounts exactly in minor units', () => {
    // Act
    const values = [
      parseAmount('12.50', 'EUR'),
      parseAmount(899.9, 'EUR'),
      parseAmount('0.1', 'USD'),
      parseAmount('1500', 'JPY'),
    ];

    // Assess
    expect(values.map((m) => m.minor)).toEqual([1250, 89990, 10, 1500]);
    expect(values.map(formatAmount)).toEqual(['12.50', '899.90', '0.10', '1500']);
  });

  it('knows each currency has its own number of decimals', () => {
    expect(formatAmount(parseAmount('1.234', 'KWD'))).toBe('1.234');
    expect(() => parseAmount('10.5', 'JPY')).toThrow(/at most 0 decimal places/);
    expect(() => parseAmount('10.555', 'EUR')).toThrow(AmountFormatError);
  });

  it('accepts trailing zeros beyond the currency digits but not garbage', () => {
    expect(parseAmount('10.500', 'EUR').minor).toBe(1050);
    expect(() => parseAmount('1e3', 'EUR')).toThrow(AmountFormatError);
    expect(() => parseAmount('12,50', 'EUR')).toThrow(AmountFormatError);
  });

  it('multiplies and sums without floating-point drift', () => {
    // Prepare
    const price = parseAmount('0.10', 'USD');

    // Act
    const total = sum('USD', [multiply(price, 3), parseAmount('0.20', 'USD')]);

    // Assess
    expect(formatAmount(total)).toBe('0.50');
    expect(() => sum('USD', [parseAmount('1', 'EUR')])).toThrow(/cannot add EUR to USD/);
  });

  it('formats negative amounts', () => {
    expect(formatAmount({ currency: 'EUR', minor: -5 })).toBe('-0.05');
  });
});
