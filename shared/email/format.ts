import { formatAmount, type Money } from '../domain/money';

/** Money as events carry it: a decimal string in the currency's digits ("6099.60"). */
export interface MoneyText {
  amount: string;
  currency: string;
}

/**
 * Amounts and dates in the reader's locale. The words of an email come from its language's catalog;
 * the numbers and dates always go through here, so a buyer writing `de` reads "6.099,60 EUR" even
 * while the words are still English.
 */
export interface Formatter {
  /** The locale actually used: the customer's language if the runtime knows it, else `en`. */
  locale: string;
  /** "EUR 6,099.60" (the ISO code, never a symbol: $ is ambiguous in export trade). */
  money(value: Money | MoneyText): string;
  /** "Dec 1, 2026" for an ISO 8601 date or date-time (the UTC calendar day); unparseable text as it is. */
  date(value: string): string;
  /** "Nov 24, 2026, 8:00 AM UTC" for an ISO 8601 date-time; unparseable text as it is. */
  dateTime(value: string): string;
}

const FALLBACK_LOCALE = 'en';

/** The BCP 47 tag to format with: the customer's language when valid and supported, else `en`. */
export function resolveLocale(language: string | undefined): string {
  if (!language) return FALLBACK_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([language])[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

export function formatterFor(language: string | undefined): Formatter {
  const locale = resolveLocale(language);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const times = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return {
    locale,
    money(value) {
      const text = 'minor' in value ? { amount: formatAmount(value), currency: value.currency } : value;
      try {
        const numbers = new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: text.currency,
          currencyDisplay: 'code',
        });
        // A decimal string keeps the amount exact (no float conversion).
        return plainSpaces(numbers.format(text.amount as `${number}`));
      } catch {
        return `${text.currency} ${text.amount}`;
      }
    },
    date(value) {
      const time = Date.parse(value);
      return Number.isNaN(time) ? value : plainSpaces(dates.format(time));
    },
    dateTime(value) {
      const time = Date.parse(value);
      return Number.isNaN(time) ? value : `${plainSpaces(times.format(time))} UTC`;
    },
  };
}

/** `Intl` separates with no-break spaces; plain ones read and search the same in subject, text and HTML. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Whether an amount is more than zero ("0.00" is not). */
export function isPositive(value: Money | MoneyText): boolean {
  return 'minor' in value ? value.minor > 0 : Number(value.amount) > 0;
}
