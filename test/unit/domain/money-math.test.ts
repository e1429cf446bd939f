import { AmountFormatError } from '../../../shared/domain/money';
import { add, percentOf, subtract, zero } from '../../../shared/domain/money-math';

const usd = (minor: number) => ({ currency: 'USD', minor });

describe('money math', () => {
  it('adds and subtracts in one currency only', () => {
    expect(add(usd(150), usd(50))).toEqual(usd(200));
    expect(subtract(usd(150), usd(200))).toEqual(usd(-50));
    expect(zero('JPY')).toEqual({ currency: 'JPY', minor: 0 });
    expect(() => add(usd(1), { currency: 'EUR', minor: 1 })).toThrow(/cannot combine USD with EUR/);
  });

  it('takes percentages half up in minor units', () => {
    expect(percentOf(usd(5), 30)).toEqual(usd(2)); // 1.5 → 2
    expect(percentOf(usd(3), 30)).toEqual(usd(1)); // 0.9 → 1
    expect(percentOf(usd(1), 30)).toEqual(usd(0)); // 0.3 → 0
    expect(percentOf(usd(1), 50)).toEqual(usd(1)); // 0.5 → 1
    expect(percentOf(usd(-5), 30)).toEqual(usd(-2));
  });

  it('stays exact beyond the safe range of the intermediate product', () => {
    // Prepare: 9e13 × 33 overflows 2^53 before dividing
    const big = usd(90_000_000_000_001);

    // Act
    const third = percentOf(big, 33);

    // Assess
    expect(third.minor).toBe(29_700_000_000_000);
  });

  it('refuses a percentage that is not a whole number from 0 to 100', () => {
    expect(() => percentOf(usd(100), 101)).toThrow(AmountFormatError);
    expect(() => percentOf(usd(100), 12.5)).toThrow(AmountFormatError);
  });
});
