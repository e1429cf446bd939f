import type { CompanyCurrency } from './aging';
import { monthOf } from './calendar-keys';
import { convertDated, type MissingRate, type RateUsed } from './company-conversion';
import type { Money } from './money';

/**
 * What the CRM remembers of a customer's dealings, one fact per order, quote and inquiry, and what
 * it concludes from them. A fact is written field by field, first write wins (see the consumer), so
 * the same event twice changes nothing and events may arrive in any order: a quote accepted before
 * its sending arrived simply has `acceptedAt` first and `sentAt` later. Everything here is computed
 * from the facts alone, so it is the same whatever order they came in. Pure.
 */

export interface OrderFact {
  orderId: string;
  /** When the order was placed (the order's createdAt); set by OrderReceived. */
  placedAt?: string;
  currency?: string;
  totalMinor?: number;
  cancelledAt?: string;
  /** Refused after it was received (credit rejected): not revenue. */
  rejectedAt?: string;
}

export interface QuoteFact {
  quoteId: string;
  inquiryId?: string;
  sentAt?: string;
  acceptedAt?: string;
  expiredAt?: string;
  currency?: string;
  totalMinor?: number;
}

export interface InquiryFact {
  inquiryId: string;
  receivedAt?: string;
  lostAt?: string;
}

export interface CustomerFacts {
  orders: OrderFact[];
  quotes: QuoteFact[];
  inquiries: InquiryFact[];
}

export interface PlacedOrder {
  orderId: string;
  placedAt: string;
  total: Money;
}

const DAY_MS = 86_400_000;

export const PREDICTION_METHOD =
  'last order date + the mean interval between orders (needs at least 2 orders that count)';
export const WIN_RATE_DEFINITION =
  'accepted ÷ decided quotes; a quote is decided when accepted, expired, or its inquiry was lost';

/** The orders that count: placed, and neither cancelled nor rejected; oldest first. */
export function countedOrders(orders: readonly OrderFact[]): PlacedOrder[] {
  return orders
    .filter((o) => o.placedAt && o.currency && o.totalMinor !== undefined && !o.cancelledAt && !o.rejectedAt)
    .map((o) => ({
      orderId: o.orderId,
      placedAt: o.placedAt as string,
      total: { currency: o.currency as string, minor: o.totalMinor as number },
    }))
    .sort((a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0));
}

/** Revenue per currency (code order): money is never added across currencies without a rate. */
export function revenueByCurrency(orders: readonly PlacedOrder[]): Money[] {
  const totals = new Map<string, number>();
  for (const { total } of orders) totals.set(total.currency, (totals.get(total.currency) ?? 0) + total.minor);
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, minor]) => ({ currency, minor }));
}

/** Average order value per currency: that currency's revenue ÷ its orders, half away from zero. */
export function averageOrderValue(orders: readonly PlacedOrder[]): Money[] {
  return revenueByCurrency(orders).map((revenue) => {
    const count = orders.filter((o) => o.total.currency === revenue.currency).length;
    return { currency: revenue.currency, minor: divideRounded(revenue.minor, count) };
  });
}

/** Mean days between consecutive orders (first to last ÷ gaps); null below 2 orders. */
export function averageDaysBetween(orders: readonly PlacedOrder[]): number | null {
  if (orders.length < 2) return null;
  const span = Date.parse(orders[orders.length - 1].placedAt) - Date.parse(orders[0].placedAt);
  return span / DAY_MS / (orders.length - 1);
}

/** The predicted next order: PREDICTION_METHOD; undefined below 2 orders. */
export function predictNextOrder(orders: readonly PlacedOrder[]): string | undefined {
  const meanDays = averageDaysBetween(orders);
  if (meanDays === null) return undefined;
  const last = Date.parse(orders[orders.length - 1].placedAt);
  return new Date(last + meanDays * DAY_MS).toISOString();
}

/** Whole days `now` is past the predicted next order (0 when it is due today or not yet due). */
export function daysOverdue(predictedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(predictedAt)) / DAY_MS));
}

export interface QuoteOutcomes {
  sent: number;
  accepted: number;
  expired: number;
  /** Quotes whose inquiry was lost (and that were not accepted). */
  lost: number;
  decided: number;
  /** WIN_RATE_DEFINITION, 0–1; null with no decided quote. */
  winRate: number | null;
  /** Accepted ÷ sent, 0–1; null with none sent. */
  acceptedPerSent: number | null;
}

export function quoteOutcomes(
  quotes: readonly QuoteFact[],
  inquiries: readonly InquiryFact[],
): QuoteOutcomes {
  const lostInquiries = new Set(inquiries.filter((i) => i.lostAt).map((i) => i.inquiryId));
  let accepted = 0;
  let expired = 0;
  let lost = 0;
  for (const quote of quotes) {
    // Accepted wins over anything else recorded for the same quote; a lost inquiry over an expiry.
    if (quote.acceptedAt) accepted++;
    else if (quote.inquiryId && lostInquiries.has(quote.inquiryId)) lost++;
    else if (quote.expiredAt) expired++;
  }
  const sent = quotes.filter((q) => q.sentAt || q.acceptedAt).length;
  const decided = accepted + expired + lost;
  return {
    sent,
    accepted,
    expired,
    lost,
    decided,
    winRate: decided ? round4(accepted / decided) : null,
    acceptedPerSent: sent ? round4(Math.min(1, accepted / sent)) : null,
  };
}

/** Revenue in the company currency, with the rates used; or, when a rate is missing, what is missing. */
export type CompanyRevenue =
  | {
      converted: true;
      currency: string;
      lifetimeRevenue: Money;
      averageOrderValue: Money;
      ratesUsed: RateUsed[];
    }
  | { converted: false; currency: string; missingRates: MissingRate[] };

/**
 * Revenue in the company currency: each order converted at the rate in force on the day it was
 * placed (UTC), then added; with the rates used. When any order has no rate, no total: what is missing.
 */
export function inCompanyCurrency(orders: readonly PlacedOrder[], company: CompanyCurrency): CompanyRevenue {
  const conversion = convertDated(
    orders.map((order) => ({ money: order.total, on: order.placedAt.slice(0, 10) })),
    company,
  );
  if (!conversion.converted) return conversion;
  const minor = conversion.amounts.reduce((total, amount) => total + amount.minor, 0);
  return {
    converted: true,
    currency: company.currency,
    lifetimeRevenue: { currency: company.currency, minor },
    averageOrderValue: {
      currency: company.currency,
      minor: orders.length ? divideRounded(minor, orders.length) : 0,
    },
    ratesUsed: conversion.ratesUsed,
  };
}

/** Who a customer is for the lists: asked and never bought, a repeat buyer, or neither yet. */
export type Segment = 'PROSPECT' | 'REPEAT';

export interface CustomerSummary {
  customerId: string;
  orderCount: number;
  cancelledCount: number;
  firstOrderAt?: string;
  lastOrderAt?: string;
  nextOrderDue?: string;
  revenue: Money[];
  inquiryCount: number;
  lastInquiryAt?: string;
  quotesSent: number;
  /** PROSPECT: inquired (or was quoted), never ordered; REPEAT: 2+ orders, so a next order is predicted. */
  segment?: Segment;
  /** The segment's sort key: the last inquiry (PROSPECT), the predicted next order (REPEAT). */
  segmentKey?: string;
}

/** The summary the lists read, from the facts alone. */
export function summarize(customerId: string, facts: CustomerFacts): CustomerSummary {
  const orders = countedOrders(facts.orders);
  const inquiryTimes = facts.inquiries.map((i) => i.receivedAt).filter((t): t is string => Boolean(t));
  const lastInquiryAt = inquiryTimes.sort().at(-1);
  const quotesSent = facts.quotes.filter((q) => q.sentAt || q.acceptedAt).length;
  const nextOrderDue = predictNextOrder(orders);
  const everPlaced = facts.orders.some((o) => o.placedAt);
  const asked = facts.inquiries.length > 0 || facts.quotes.length > 0;
  const segment: Pick<CustomerSummary, 'segment' | 'segmentKey'> = nextOrderDue
    ? { segment: 'REPEAT', segmentKey: nextOrderDue }
    : asked && !everPlaced
      ? { segment: 'PROSPECT', segmentKey: lastInquiryAt ?? latest(facts.quotes.map((q) => q.sentAt)) ?? '' }
      : {};
  return {
    customerId,
    orderCount: orders.length,
    cancelledCount: facts.orders.filter((o) => o.placedAt && (o.cancelledAt || o.rejectedAt)).length,
    ...(orders.length
      ? { firstOrderAt: orders[0].placedAt, lastOrderAt: orders[orders.length - 1].placedAt }
      : {}),
    ...(nextOrderDue ? { nextOrderDue } : {}),
    revenue: revenueByCurrency(orders),
    inquiryCount: facts.inquiries.length,
    ...(lastInquiryAt ? { lastInquiryAt } : {}),
    quotesSent,
    ...segment,
  };
}

/** One customer's revenue in one month and currency: what `top` adds up over a period. */
export interface MonthlyRevenue {
  month: string;
  currency: string;
  customerId: string;
  minor: number;
  orderCount: number;
  /**
   * Each order's amount and day (`YYYY-MM-DD`, UTC), so a report converts each at its own day's
   * rate. Absent on lines stored before it was kept.
   */
  orders?: { on: string; minor: number }[];
}

/** The customer's revenue per currency in `month` (`YYYY-MM`, UTC), from the orders that count. */
export function revenueInMonth(customerId: string, facts: CustomerFacts, month: string): MonthlyRevenue[] {
  const inMonth = countedOrders(facts.orders).filter((o) => monthOf(o.placedAt) === month);
  return revenueByCurrency(inMonth).map((revenue) => {
    const orders = inMonth.filter((o) => o.total.currency === revenue.currency);
    return {
      month,
      currency: revenue.currency,
      customerId,
      minor: revenue.minor,
      orderCount: orders.length,
      orders: orders.map((o) => ({ on: o.placedAt.slice(0, 10), minor: o.total.minor })),
    };
  });
}

function latest(times: (string | undefined)[]): string | undefined {
  return times
    .filter((t): t is string => Boolean(t))
    .sort()
    .at(-1);
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Integer division rounded half away from zero. */
export function divideRounded(numerator: number, denominator: number): number {
  const negative = numerator < 0;
  const quotient = Math.floor((Math.abs(numerator) * 2 + denominator) / (denominator * 2));
  return negative ? -quotient : quotient;
}
