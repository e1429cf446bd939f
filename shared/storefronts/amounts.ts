import { isCurrencyCode } from '../domain/currencies';
import { AmountFormatError, type Money, parseAmount } from '../domain/money';

/**
 * Shop amounts read exactly (integer minor units, shared/domain/money.ts), each refusal worded for
 * the person reading the rejected delivery.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The order's currency, or a problem; amounts cannot be read without it. */
export function readCurrency(code: string, problems: string[]): string | undefined {
  if (isCurrencyCode(code)) return code;
  problems.push(`currency ${JSON.stringify(code)} is not an ISO 4217 currency code such as USD or EUR`);
  return undefined;
}

/** `label` names the field as the shop does, e.g. `total_price` or `line "Blue valve" price`. */
export function readAmount(
  label: string,
  value: string,
  currency: string,
  problems: string[],
): Money | undefined {
  if (!DECIMAL.test(value.trim())) {
    problems.push(`${label} ${JSON.stringify(value)} is not an amount`);
    return undefined;
  }
  try {
    return parseAmount(value, currency);
  } catch (error) {
    if (!(error instanceof AmountFormatError)) throw error;
    problems.push(`${label} ${JSON.stringify(value)} is not a ${currency} amount: ${error.message}`);
    return undefined;
  }
}

/**
 * A line's net amount shared over its units, to the currency's minor unit, half up. Exact when the
 * amount divides evenly; otherwise each unit is off by less than half a minor unit (10.00 over 3
 * units is 3.33 each), which is the most a price in minor units can do.
 */
export function perUnit(lineAmount: Money, quantity: number): Money {
  const units = BigInt(quantity);
  const minor = BigInt(lineAmount.minor);
  const sign = minor < 0n ? -1n : 1n;
  const abs = minor * sign;
  return { currency: lineAmount.currency, minor: Number(((2n * abs + units) / (2n * units)) * sign) };
}
