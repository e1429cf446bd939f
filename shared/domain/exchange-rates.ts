import { InvalidInputError } from '../errors';
import { isCurrencyCode, minorDigits } from './currencies';
import type { Money } from './money';

/**
 * Exchange rates with the date they take effect, for reporting in the company currency. A rate is
 * kept as the decimal string it was quoted as ("1.0842": 1 EUR = 1.0842 USD), never as a float, and
 * conversion is exact: minor units times the rate as a fraction, rounded half away from zero once.
 */
export interface ExchangeRate {
  from: string;
  to: string;
  /** Units of `to` for one unit of `from`, a positive decimal string. */
  rate: string;
  /** YYYY-MM-DD: in effect from this day until the next rate for the pair. */
  effectiveFrom: string;
}

export class ExchangeRateMissingError extends InvalidInputError {
  constructor(from: string, to: string, date: string) {
    super(`no ${from}/${to} exchange rate in effect on ${date}`, 'exchangeRate', 'EXCHANGE_RATE_MISSING');
  }
}

export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export interface RateInEffect {
  /** Exact units of `to` per unit of `from`. */
  rate: Fraction;
  /** The rate as quoted; for an inverted rate, the quote of the opposite pair. */
  quoted: string;
  effectiveFrom: string;
  inverted: boolean;
}

interface Dated {
  effectiveFrom: string;
  rate: ExchangeRate;
  fraction: Fraction;
}

export class RateTable {
  /** Per "FROM/TO", sorted by date. */
  private readonly pairs = new Map<string, Dated[]>();

  constructor(rates: ExchangeRate[]) {
    for (const rate of rates) {
      checkRate(rate);
      const key = `${rate.from}/${rate.to}`;
      const list = this.pairs.get(key) ?? [];
      const clash = list.find((d) => d.effectiveFrom === rate.effectiveFrom);
      if (clash && clash.rate.rate !== rate.rate) {
        throw new InvalidInputError(`two ${key} rates take effect on ${rate.effectiveFrom}`, 'rates');
      }
      if (!clash) list.push({ effectiveFrom: rate.effectiveFrom, rate, fraction: toFraction(rate.rate) });
      this.pairs.set(key, list);
    }
    for (const list of this.pairs.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  }

  /**
   * The rate in effect on the date (the latest one taking effect on or before it), as quoted, or
   * the inverse of the quoted opposite pair when only that is known (a direct quote wins a tie).
   */
  rateOn(from: string, to: string, date: string): RateInEffect {
    if (from === to) {
      return { rate: { numerator: 1n, denominator: 1n }, quoted: '1', effectiveFrom: date, inverted: false };
    }
    const direct = latest(this.pairs.get(`${from}/${to}`), date);
    const inverse = latest(this.pairs.get(`${to}/${from}`), date);
    if (direct && (!inverse || direct.effectiveFrom >= inverse.effectiveFrom)) {
      return {
        rate: direct.fraction,
        quoted: direct.rate.rate,
        effectiveFrom: direct.effectiveFrom,
        inverted: false,
      };
    }
    if (inverse) {
      const { numerator, denominator } = inverse.fraction;
      return {
        rate: { numerator: denominator, denominator: numerator },
        quoted: inverse.rate.rate,
        effectiveFrom: inverse.effectiveFrom,
        inverted: true,
      };
    }
    throw new ExchangeRateMissingError(from, to, date);
  }

  /** The amount in `to` at the rate in effect on the date, rounded half away from zero. */
  convert(money: Money, to: string, date: string): Money {
    if (money.currency === to) return money;
    const { rate } = this.rateOn(money.currency, to, date);
    // minor_to = minor_from × rate × 10^digits(to) / 10^digits(from)
    const numerator = BigInt(money.minor) * rate.numerator * 10n ** BigInt(minorDigits(to));
    const denominator = rate.denominator * 10n ** BigInt(minorDigits(money.currency));
    const minor = Number(divideRounded(numerator, denominator));
    if (!Number.isSafeInteger(minor)) throw new InvalidInputError('converted amount too large', 'amount');
    return { currency: to, minor };
  }
}

function latest(list: Dated[] | undefined, date: string): Dated | undefined {
  let found: Dated | undefined;
  for (const dated of list ?? []) {
    if (dated.effectiveFrom <= date) found = dated;
    else break;
  }
  return found;
}

function checkRate(rate: ExchangeRate): void {
  for (const code of [rate.from, rate.to]) {
    if (!isCurrencyCode(code)) throw new InvalidInputError(`"${code}" is not a currency code`, 'rates');
  }
  if (rate.from === rate.to) throw new InvalidInputError(`a rate from ${rate.from} to itself`, 'rates');
  if (!/^\d+(\.\d+)?$/.test(rate.rate) || /^0+(\.0+)?$/.test(rate.rate)) {
    throw new InvalidInputError(`rate "${rate.rate}" must be a positive decimal`, 'rates');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(rate.effectiveFrom)) {
    throw new InvalidInputError(`effectiveFrom "${rate.effectiveFrom}" must be YYYY-MM-DD`, 'rates');
  }
}

function toFraction(decimal: string): Fraction {
  const [whole, fraction = ''] = decimal.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Rounds numerator/denominator (denominator > 0) half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
