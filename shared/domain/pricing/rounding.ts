import { InvalidInputError } from '../../errors';
import { minorDigits } from '../currencies';
import { AmountFormatError, type Money, parseAmount } from '../money';

/**
 * How a quoted unit price is rounded in a currency (the last step of pricing):
 * - `{ increment: "0.05" }`: to the nearest multiple of the increment, half up (CHF to 5 Rappen;
 *   `"1"` for whole units). The default in every currency is its minor unit, which changes nothing.
 * - `{ ending: "0.99" }`: up to the next amount with that fraction (12.37 → 12.99, 13.00 → 13.99):
 *   "price points". Up, never down, so rounding never eats into the margin.
 */
export type RoundingRule = { increment: string } | { ending: string };

export function roundPrice(price: Money, rule: RoundingRule | undefined): Money {
  if (!rule) return price;
  const unit = 10 ** minorDigits(price.currency);
  if ('increment' in rule) {
    const step = incrementMinor(rule.increment, price.currency);
    const rounded = Math.floor((price.minor + step / 2) / step) * step;
    return { currency: price.currency, minor: rounded };
  }
  const ending = endingMinor(rule.ending, price.currency);
  const whole = Math.floor(price.minor / unit) * unit;
  const candidate = whole + ending;
  return { currency: price.currency, minor: candidate >= price.minor ? candidate : candidate + unit };
}

/** Checks a rule for a currency; throws InvalidInputError naming `field`. */
export function checkRoundingRule(rule: RoundingRule, currency: string, field: string): void {
  try {
    if ('increment' in rule) incrementMinor(rule.increment, currency);
    else endingMinor(rule.ending, currency);
  } catch (error) {
    if (error instanceof AmountFormatError || error instanceof InvalidInputError) {
      throw new InvalidInputError(`${field}: ${error.message}`, field);
    }
    throw error;
  }
}

function incrementMinor(increment: string, currency: string): number {
  const step = parseAmount(increment, currency).minor;
  if (step <= 0) throw new InvalidInputError(`the increment "${increment}" must be above 0`);
  return step;
}

function endingMinor(ending: string, currency: string): number {
  const unit = 10 ** minorDigits(currency);
  if (unit === 1) throw new InvalidInputError(`${currency} has no minor unit, so no price ending`);
  const minor = parseAmount(ending, currency).minor;
  if (minor < 0 || minor >= unit)
    throw new InvalidInputError(`the ending "${ending}" must be from 0 to below 1`);
  return minor;
}
