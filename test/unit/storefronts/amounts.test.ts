import { parseAmount } from '../../../shared/domain/money';
import { perUnit, readAmount, readCurrency } from '../../../shared/storefronts/amounts';

describe('storefront amounts', () => {
  it('shares a line amount over its units exactly when it divides', () => {
    expect(perUnit(parseAmount('2250.00', 'EUR'), 200)).toEqual(parseAmount('11.25', 'EUR'));
    expect(perUnit(parseAmount('1500', 'JPY'), 3)).toEqual(parseAmount('500', 'JPY'));
  });

  it('rounds a share that does not divide to the minor unit, half up', () => {
    expect(perUnit(parseAmount('10.00', 'USD'), 3)).toEqual(parseAmount('3.33', 'USD')); // 3.333…
    expect(perUnit(parseAmount('20.00', 'USD'), 3)).toEqual(parseAmount('6.67', 'USD')); // 6.666…
    expect(perUnit(parseAmount('0.05', 'USD'), 2)).toEqual(parseAmount('0.03', 'USD')); // 0.025
    expect(perUnit(parseAmount('1.000', 'KWD'), 3)).toEqual(parseAmount('0.333', 'KWD'));
  });

  it('reads an amount exactly, or says what is wrong with it', () => {
    // Prepare
    const problems: string[] = [];

    // Act
    const good = readAmount('total_price', '199.00', 'USD', problems);
    const text = readAmount('total_price', 'abc', 'USD', problems);
    const tooPrecise = readAmount('total', '1.005', 'USD', problems);
    const yen = readAmount('total', '1000.5', 'JPY', problems);

    // Assess
    expect(good).toEqual({ currency: 'USD', minor: 19900 });
    expect([text, tooPrecise, yen]).toEqual([undefined, undefined, undefined]);
    expect(problems).toEqual([
      'total_price "abc" is not an amount',
      'total "1.005" is not a USD amount: USD amounts have at most 2 decimal places; got "1.005"',
      'total "1000.5" is not a JPY amount: JPY amounts have at most 0 decimal places; got "1000.5"',
    ]);
  });

  it('accepts ISO 4217 currencies only', () => {
    const problems: string[] = [];
    expect(readCurrency('EUR', problems)).toBe('EUR');
    expect(readCurrency('eur', problems)).toBeUndefined();
    expect(readCurrency('BTC', problems)).toBeUndefined();
    expect(problems).toEqual([
      'currency "eur" is not an ISO 4217 currency code such as USD or EUR',
      'currency "BTC" is not an ISO 4217 currency code such as USD or EUR',
    ]);
  });
});
