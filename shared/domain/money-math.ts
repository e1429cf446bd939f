import { AmountFormatError, type Money } from './money';

/**
 * Arithmetic money.ts does not have yet. Every operation refuses to mix currencies: there is no FX
 * in the domain, so mixing would silently add apples to pears.
 */

export function zero(currency: string): Money {
  return { currency, minor: 0 };
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return safe(a.currency, a.minor + b.minor);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return safe(a.currency, a.minor - b.minor);
}

/** `percent`% of an amount in minor units, half up (30% of 0.05 → 0.02). BigInt keeps it exact. */
export function percentOf(money: Money, percent: number): Money {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new AmountFormatError(`a percentage must be a whole number from 0 to 100; got ${percent}`);
  }
  const scaled = BigInt(Math.abs(money.minor)) * BigInt(percent);
  const rounded = Number((scaled + 50n) / 100n);
  return { currency: money.currency, minor: money.minor < 0 ? -rounded : rounded };
}

export function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency)
    throw new AmountFormatError(`cannot combine ${a.currency} with ${b.currency}`);
}

function safe(currency: string, minor: number): Money {
  if (!Number.isSafeInteger(minor)) throw new AmountFormatError('amount too large');
  return { currency, minor };
}
