import { minorDigits } from './currencies';

/**
 * Money kept exactly: an integer count of the currency's minor units. Amounts arrive as decimal
 * numbers or decimal strings and are refused if they carry more decimals than the currency has.
 */
export interface Money {
  currency: string;
  minor: number;
}

export class AmountFormatError extends Error {
  override name = 'AmountFormatError';
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function parseAmount(value: number | string, currency: string): Money {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  if (!DECIMAL.test(text)) throw new AmountFormatError(`"${value}" is not a decimal amount`);
  const digits = minorDigits(currency);
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  if (fraction.replace(/0+$/, '').length > digits) {
    throw new AmountFormatError(`${currency} amounts have at most ${digits} decimal places; got "${value}"`);
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  if (!Number.isSafeInteger(minor)) throw new AmountFormatError(`"${value}" is too large`);
  return { currency, minor: text.startsWith('-') ? -minor : minor };
}

/** The decimal string of an amount, with exactly the currency's digits ("1250.50"). */
export function formatAmount(money: Money): string {
  const digits = minorDigits(money.currency);
  const sign = money.minor < 0 ? '-' : '';
  const abs = Math.abs(money.minor)
    .toString()
    .padStart(digits + 1, '0');
  return digits === 0 ? sign + abs : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

export function multiply(money: Money, quantity: number): Money {
  const minor = money.minor * quantity;
  if (!Number.isSafeInteger(minor)) throw new AmountFormatError('amount too large');
  return { currency: money.currency, minor };
}

export function sum(currency: string, amounts: Money[]): Money {
  return {
    currency,
    minor: amounts.reduce((total, m) => {
      if (m.currency !== currency) throw new AmountFormatError(`cannot add ${m.currency} to ${currency}`);
      return total + m.minor;
    }, 0),
  };
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Avoid exponent notation (1e-7) while keeping the shortest exact representation of the double.
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
