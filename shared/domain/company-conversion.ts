import type { CompanyCurrency } from './aging';
import { ExchangeRateMissingError } from './exchange-rates';
import type { Money } from './money';

/**
 * Amounts in the company currency, each converted at the rate in force on its own day (an order on
 * the day it was placed), as the CRM's reports give them. The answer says which rates it used (the
 * pair, the rate as quoted, the day it took effect); when a rate is missing for any amount it gives
 * no total at all, only what is missing: a sum with some amounts left out would be a wrong figure
 * that looks right. Pure.
 */

/** An amount and the day (`YYYY-MM-DD`) whose rate converts it. */
export interface DatedAmount {
  money: Money;
  on: string;
}

export interface RateUsed {
  from: string;
  to: string;
  /** The rate as quoted in the settings (for an inverted one, the quote of `to`→`from`). */
  rate: string;
  /** The day the rate took effect: the rate date. */
  effectiveFrom: string;
  /** The settings quote the opposite pair; its inverse was applied. */
  inverted: boolean;
  /** How many amounts were converted at it. */
  amounts: number;
}

export interface MissingRate {
  from: string;
  to: string;
  /** The day an amount needed a rate for. */
  on: string;
}

export type Conversion =
  | { converted: true; currency: string; amounts: Money[]; ratesUsed: RateUsed[] }
  | { converted: false; currency: string; missingRates: MissingRate[] };

/** At most this many missing rates are listed (the message says how many there are). */
export const MISSING_RATES_LISTED = 50;

/** Each amount in the company currency at its day's rate, in the order given; or what is missing. */
export function convertDated(items: readonly DatedAmount[], company: CompanyCurrency): Conversion {
  const used = new Map<string, RateUsed>();
  const missing = new Map<string, MissingRate>();
  const amounts: Money[] = [];
  for (const { money, on } of items) {
    if (money.currency === company.currency) {
      amounts.push(money);
      continue;
    }
    try {
      const rate = company.rates.rateOn(money.currency, company.currency, on);
      amounts.push(company.rates.convert(money, company.currency, on));
      const key = `${money.currency}/${rate.effectiveFrom}/${rate.inverted}`;
      const known = used.get(key);
      if (known) known.amounts++;
      else
        used.set(key, {
          from: money.currency,
          to: company.currency,
          rate: rate.quoted,
          effectiveFrom: rate.effectiveFrom,
          inverted: rate.inverted,
          amounts: 1,
        });
    } catch (error) {
      if (!(error instanceof ExchangeRateMissingError)) throw error;
      missing.set(`${money.currency}/${on}`, { from: money.currency, to: company.currency, on });
    }
  }
  if (missing.size) {
    return {
      converted: false,
      currency: company.currency,
      missingRates: [...missing.values()].sort(byPairThenDay),
    };
  }
  return {
    converted: true,
    currency: company.currency,
    amounts,
    ratesUsed: [...used.values()].sort(
      (a, b) =>
        byPairThenDay({ ...a, on: a.effectiveFrom }, { ...b, on: b.effectiveFrom }) ||
        Number(a.inverted) - Number(b.inverted),
    ),
  };
}

/** What is missing, in words a person can act on. */
export function missingRatesMessage(missing: readonly MissingRate[]): string {
  const first = missing[0];
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more: see missingRates)` : '';
  return `no ${first.from}/${first.to} exchange rate in effect on ${first.on}${more}: add the rates with PUT /settings/exchange-rates`;
}

function byPairThenDay(a: MissingRate, b: MissingRate): number {
  return a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.on.localeCompare(b.on);
}
