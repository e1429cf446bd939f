/**
 * Formatting for the console's pages with Intl, in the signed-in language. Pure (no DOM): amounts
 * arrive as decimal strings and are formatted as strings, so no digit is lost to floating point.
 */

export interface Money {
  amount: string;
  currency: string;
}

type Decimal = `${number}`;
const decimal = (amount: string | number): Decimal => String(amount).trim() as Decimal;

/** `EUR 6,099.60` style: the currency's own digits, the language's separators. */
export function formatMoney(money: Money | undefined, language: string): string {
  if (!money) return '—';
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(
      decimal(money.amount),
    );
  } catch {
    // An unknown currency code still shows its figures.
    return `${money.currency} ${money.amount}`;
  }
}

/** Several amounts in different currencies, one after another ("€1.00 · $2.00"); a dash for none. */
export function formatMoneyList(list: readonly Money[] | undefined, language: string): string {
  if (!list || list.length === 0) return '—';
  return list.map((money) => formatMoney(money, language)).join(' · ');
}

export function formatNumber(value: number | string | undefined, language: string): string {
  if (value === undefined || value === '') return '—';
  return new Intl.NumberFormat(language).format(decimal(value));
}

/** A share of one as a percentage (0.25 → 25%); a dash when there is none. */
export function formatRatio(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A percentage given as a number of percent (32.5 → 32.5%). */
export function formatPercent(value: number | undefined, language: string): string {
  if (value === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A calendar date ("2026-12-01" or an ISO time), in the language's style; a dash when absent. */
export function formatDate(value: string | undefined | null, language: string): string {
  if (!value) return '—';
  const at = new Date(isDateOnly(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(isDateOnly(value) ? { timeZone: 'UTC' } : {}),
  }).format(at);
}

/** A moment (an ISO time), date and time, in the language's style; a dash when absent. */
export function formatDateTime(value: string | undefined | null, language: string): string {
  if (!value) return '—';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

const HOUR_MS = 3_600_000;

/** How long ago (or ahead) a moment is, in whole hours or days ("3 hours ago", "in 2 days"). */
export function formatRelative(value: string | undefined, now: Date, language: string): string {
  if (!value) return '—';
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return value;
  const hours = Math.round((at - now.getTime()) / HOUR_MS);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return Math.abs(hours) < 48 ? format.format(hours, 'hour') : format.format(Math.round(hours / 24), 'day');
}
