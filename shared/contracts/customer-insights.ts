import * as z from '../zod-mini';
import { currencyCode, nonEmpty } from './common';

/** Queries and answers of the CRM's insights, lists and product demand (staff only). */

export { customerIdParam } from './customer-profile';

const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(
    z.coerce
      .number()
      .check(
        z.int('must be a whole number'),
        z.minimum(min, `must be at least ${min}`),
        z.maximum(max, `must be at most ${max}`),
      ),
    fallback,
  );

/** `GET /customers/lists/prospects?limit=&nextToken=` */
export const prospectsQuery = z.strictObject({
  limit: wholeNumber(1, 100, 25),
  nextToken: z.optional(nonEmpty(2000)),
});
export type ProspectsQuery = z.infer<typeof prospectsQuery>;

/** `GET /customers/lists/dormant?minDaysOverdue=&limit=&nextToken=` */
export const dormantQuery = z.strictObject({
  minDaysOverdue: wholeNumber(0, 3650, 0),
  limit: wholeNumber(1, 100, 25),
  nextToken: z.optional(nonEmpty(2000)),
});
export type DormantQuery = z.infer<typeof dormantQuery>;

/** `GET /customers/lists/top?months=&currency=&limit=` */
export const topQuery = z.strictObject({
  months: wholeNumber(1, 36, 12),
  currency: z.optional(currencyCode),
  limit: wholeNumber(1, 100, 20),
});
export type TopQuery = z.infer<typeof topQuery>;

/** `GET /products/{sku}/demand?months=` */
export const demandQuery = z.strictObject({ months: wholeNumber(1, 36, 12) });

const money = z.object({ amount: z.string(), currency: z.string() });

/** A rate a report converted with: the pair, the rate as quoted, and the day it took effect. */
const rateUsed = z.object({
  from: z.string(),
  to: z.string(),
  rate: z.string(),
  effectiveFrom: z.string(),
  /** The settings quote `to`→`from`; its inverse was applied. */
  inverted: z.boolean(),
  /** How many amounts (orders) were converted at it. */
  amounts: z.number(),
});
/** A rate a report needed and `/settings/exchange-rates` does not have: the pair and the day. */
const missingRate = z.object({ from: z.string(), to: z.string(), on: z.string() });

export const customerInsightsResponse = z.object({
  customerId: z.string(),
  asOf: z.string(),
  orders: z.object({
    count: z.number(),
    cancelled: z.number(),
    firstAt: z.optional(z.string()),
    lastAt: z.optional(z.string()),
  }),
  lifetimeRevenue: z.array(money),
  averageOrderValue: z.array(money),
  /** Revenue in the company currency of /settings/exchange-rates, or why it cannot be given. */
  inCompanyCurrency: z.object({
    currency: z.string(),
    lifetimeRevenue: z.optional(money),
    averageOrderValue: z.optional(money),
    /** The rates used, each order at the one in force on the day it was placed. */
    ratesUsed: z.optional(z.array(rateUsed)),
    /** Set when an order has no rate: then no total is given. */
    unavailable: z.optional(z.string()),
    missingRates: z.optional(z.array(missingRate)),
    /** The version of /settings/exchange-rates read (0: none stored yet, the defaults). */
    ratesVersion: z.number(),
  }),
  averageDaysBetweenOrders: z.nullable(z.number()),
  nextOrder: z.object({
    predictedAt: z.nullable(z.string()),
    daysOverdue: z.nullable(z.number()),
    method: z.string(),
  }),
  quotes: z.object({
    sent: z.number(),
    accepted: z.number(),
    expired: z.number(),
    lost: z.number(),
    decided: z.number(),
    winRate: z.nullable(z.number()),
    acceptedPerSent: z.nullable(z.number()),
    definition: z.string(),
  }),
  inquiries: z.object({ count: z.number(), lost: z.number() }),
  openExposure: z.object({
    outstanding: z.array(money),
    creditLimit: z.optional(money),
    headroom: z.optional(money),
    basis: z.string(),
  }),
});

export const prospectsResponse = z.object({
  items: z.array(
    z.object({
      customerId: z.string(),
      /** The profile's name and company (staff-only lists), when it has them. */
      name: z.optional(z.string()),
      company: z.optional(z.string()),
      inquiries: z.number(),
      quotesSent: z.number(),
      lastInquiryAt: z.optional(z.string()),
    }),
  ),
  nextToken: z.optional(z.string()),
});

export const dormantResponse = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      customerId: z.string(),
      name: z.optional(z.string()),
      company: z.optional(z.string()),
      orderCount: z.number(),
      lastOrderAt: z.optional(z.string()),
      predictedNextOrderAt: z.string(),
      daysOverdue: z.number(),
    }),
  ),
  nextToken: z.optional(z.string()),
});

export const topResponse = z.object({
  from: z.string(),
  to: z.string(),
  rankings: z.array(
    z.object({
      currency: z.string(),
      /** In the company currency: each order converted at the rate in force on the day it was placed. */
      converted: z.boolean(),
      customers: z.array(
        z.object({
          rank: z.number(),
          customerId: z.string(),
          name: z.optional(z.string()),
          company: z.optional(z.string()),
          revenue: money,
          orderCount: z.number(),
        }),
      ),
    }),
  ),
  /** Set when a rate is missing: nothing was converted, one ranking per currency. */
  unavailable: z.optional(z.string()),
  /** Without `currency`: the company currency of /settings/exchange-rates, and the rates used or missing. */
  conversion: z.optional(
    z.object({
      currency: z.string(),
      ratesVersion: z.number(),
      ratesUsed: z.optional(z.array(rateUsed)),
      missingRates: z.optional(z.array(missingRate)),
    }),
  ),
});

const quantities = z.array(z.object({ customerId: z.string(), quantity: z.number() }));
export const productDemandResponse = z.object({
  sku: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      quantity: z.number(),
      partial: z.optional(z.literal(true)),
      byCustomer: quantities,
    }),
  ),
  byCustomer: quantities,
  forecast: z.object({
    method: z.string(),
    alpha: z.number(),
    beta: z.number(),
    fittedOn: z.object({ from: z.string(), to: z.string() }),
    months: z.array(z.object({ month: z.string(), quantity: z.number() })),
  }),
});
