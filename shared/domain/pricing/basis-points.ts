import { InvalidInputError } from '../../errors';
import { AmountFormatError, type Money } from '../money';

/**
 * Percentages in the pricing settings have at most two decimals (12.5, 7.25), so each is an exact
 * whole number of basis points (1 % = 100 bp) and every sum below is integer arithmetic: a price is
 * never a float.
 */
export const BP_PER_UNIT = 10_000;

/** 12.5 → 1250. Refuses more than two decimals or a value outside [min, max] percent. */
export function toBasisPoints(
  percent: number,
  field: string,
  range: { min?: number; max?: number } = {},
): number {
  const bp = Math.round(percent * 100);
  const { min = 0, max = 100 } = range;
  if (!Number.isFinite(percent) || Math.abs(bp - percent * 100) > 1e-6 || percent < min || percent > max) {
    throw new InvalidInputError(
      `${field} must be a percentage from ${min} to ${max} with at most two decimals; got ${percent}`,
      field,
    );
  }
  return bp;
}

/** `bp` basis points of an amount, rounded half away from zero to the currency's minor unit. */
export function basisPointsOf(money: Money, bp: number): Money {
  return { currency: money.currency, minor: scaleRounded(money.minor, BigInt(bp), BigInt(BP_PER_UNIT)) };
}

/**
 * The price that earns `marginBp` on `cost` as a share of the price (gross margin):
 * price = cost / (1 − margin). 30 % on a cost of 7.00 is 10.00.
 */
export function priceForMargin(cost: Money, marginBp: number): Money {
  if (marginBp >= BP_PER_UNIT)
    throw new InvalidInputError('a target margin must be below 100 %', 'targetMarginPercent');
  return {
    currency: cost.currency,
    minor: scaleRounded(cost.minor, BigInt(BP_PER_UNIT), BigInt(BP_PER_UNIT - marginBp)),
  };
}

/** Whether (price − cost) / price is below `floorBp`, decided exactly (no division). */
export function marginBelow(price: Money, cost: Money, floorBp: number): boolean {
  return (
    (BigInt(price.minor) - BigInt(cost.minor)) * BigInt(BP_PER_UNIT) < BigInt(floorBp) * BigInt(price.minor)
  );
}

/** The gross margin as a percentage with two decimals ("23.08"), half away from zero; "-" below zero. */
export function marginPercentText(price: Money, cost: Money): string {
  if (price.minor <= 0) return '-100.00';
  const hundredthsOfPercent = scaleRounded(
    price.minor - cost.minor,
    BigInt(BP_PER_UNIT),
    BigInt(price.minor),
  );
  const sign = hundredthsOfPercent < 0 ? '-' : '';
  const abs = Math.abs(hundredthsOfPercent).toString().padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** minor × numerator / denominator (denominator > 0), half away from zero, checked to stay exact. */
export function scaleRounded(minor: number, numerator: bigint, denominator: bigint): number {
  const product = BigInt(minor) * numerator;
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  const result = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(result)) throw new AmountFormatError('amount too large');
  return result;
}
