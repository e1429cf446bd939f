import { InvalidInputError } from '../errors';
import type { RateTable } from './exchange-rates';
import type { Money } from './money';
import { add, zero } from './money-math';

/**
 * The receivables aging report at a date: what is owed, by how many days it is overdue, per
 * customer and in total, per currency, and optionally converted into the company currency.
 *
 * Days overdue count calendar days between the due date and the report date, both taken in UTC
 * (an instant such as 2026-03-01T23:00:00Z is due on 2026-03-01): due today or later is current,
 * then 1–30, 31–60, 61–90 and over 90 days.
 */

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingItem {
  customerId: string;
  orderId: string;
  invoiceNumber?: string;
  outstanding: Money;
  /** ISO date or instant. */
  dueAt: string;
}

export interface AgingLine {
  currency: string;
  buckets: Record<AgingBucket, Money>;
  total: Money;
}

export interface CustomerAging {
  customerId: string;
  /** One line per currency owed, by currency code. */
  byCurrency: AgingLine[];
  /** The lines converted and added up, when a company currency was asked for. */
  inCompanyCurrency?: AgingLine;
}

export interface AgingReport {
  asOf: string;
  customers: CustomerAging[];
  totals: AgingLine[];
  inCompanyCurrency?: AgingLine & { ratesOn: string };
}

export interface CompanyCurrency {
  currency: string;
  rates: RateTable;
}

const DAY_MS = 86_400_000;

export function daysOverdue(dueAt: string, asOf: string): number {
  return (utcDay(asOf, 'asOf') - utcDay(dueAt, 'dueAt')) / DAY_MS;
}

export function bucketFor(daysLate: number): AgingBucket {
  if (daysLate <= 0) return 'current';
  if (daysLate <= 30) return '1-30';
  if (daysLate <= 60) return '31-60';
  if (daysLate <= 90) return '61-90';
  return '90+';
}

/**
 * Items with nothing outstanding are left out. Conversion uses the rates in effect on the report
 * date and converts each customer's bucket sums (not each invoice), so fewer roundings happen and
 * the company total is exactly the sum of the customers' converted lines.
 */
export function agingReport(items: AgingItem[], asOf: string, company?: CompanyCurrency): AgingReport {
  const asOfDay = new Date(utcDay(asOf, 'asOf')).toISOString().slice(0, 10);
  const perCustomer = new Map<string, Map<string, AgingLine>>();
  for (const item of items) {
    if (item.outstanding.minor <= 0) continue;
    const lines = perCustomer.get(item.customerId) ?? new Map<string, AgingLine>();
    perCustomer.set(item.customerId, lines);
    const currency = item.outstanding.currency;
    const line = lines.get(currency) ?? emptyLine(currency);
    lines.set(currency, addTo(line, bucketFor(daysOverdue(item.dueAt, asOf)), item.outstanding));
  }

  const customers: CustomerAging[] = [...perCustomer.keys()].sort().map((customerId) => {
    const byCurrency = sortLines([...(perCustomer.get(customerId)?.values() ?? [])]);
    if (!company) return { customerId, byCurrency };
    const converted = byCurrency.map((line) => convertLine(line, company, asOfDay));
    return { customerId, byCurrency, inCompanyCurrency: sumLines(company.currency, converted) };
  });

  const totals = new Map<string, AgingLine>();
  for (const customer of customers) {
    for (const line of customer.byCurrency) {
      totals.set(
        line.currency,
        sumLines(line.currency, [totals.get(line.currency) ?? emptyLine(line.currency), line]),
      );
    }
  }
  const report: AgingReport = { asOf: asOfDay, customers, totals: sortLines([...totals.values()]) };
  if (!company) return report;
  const companyLines = customers.map((c) => c.inCompanyCurrency ?? emptyLine(company.currency));
  return { ...report, inCompanyCurrency: { ...sumLines(company.currency, companyLines), ratesOn: asOfDay } };
}

function emptyLine(currency: string): AgingLine {
  const buckets = Object.fromEntries(AGING_BUCKETS.map((b) => [b, zero(currency)])) as Record<
    AgingBucket,
    Money
  >;
  return { currency, buckets, total: zero(currency) };
}

function addTo(line: AgingLine, bucket: AgingBucket, amount: Money): AgingLine {
  return {
    currency: line.currency,
    buckets: { ...line.buckets, [bucket]: add(line.buckets[bucket], amount) },
    total: add(line.total, amount),
  };
}

function sumLines(currency: string, lines: AgingLine[]): AgingLine {
  let sum = emptyLine(currency);
  for (const line of lines) {
    for (const bucket of AGING_BUCKETS) sum = addTo(sum, bucket, line.buckets[bucket]);
  }
  return sum;
}

/** Each bucket converted on its own; the total is their sum, so the line always adds up. */
function convertLine(line: AgingLine, company: CompanyCurrency, date: string): AgingLine {
  let converted = emptyLine(company.currency);
  for (const bucket of AGING_BUCKETS) {
    converted = addTo(converted, bucket, company.rates.convert(line.buckets[bucket], company.currency, date));
  }
  return converted;
}

function sortLines(lines: AgingLine[]): AgingLine[] {
  return [...lines].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/** Midnight UTC of the date's UTC calendar day. */
function utcDay(value: string, field: string): number {
  // A date alone, or a date-time without an offset, is read as UTC, never as the machine's zone.
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00Z`
    : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
      ? `${value}Z`
      : value;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new InvalidInputError(`"${value}" is not a date`, field);
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
