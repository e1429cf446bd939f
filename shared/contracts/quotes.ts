import { INCOTERMS } from '../domain/incoterms';
import { QUOTE_STATUSES } from '../domain/quote';
import * as z from '../zod-mini';
import { currencyCode, decimalAmount, nonEmpty, paymentTerms } from './common';
import { sku } from './inventory';
import { shippingAddress } from './orders';

/** API bodies of quotes (issue 8, "Quotes"). Amounts are decimal strings or numbers in `currency`. */

const quantity = z
  .number()
  .check(z.int('must be a whole number'), z.positive('must be more than 0'), z.maximum(10_000_000));
const days = (min: number) =>
  z.number().check(z.int('must be a whole number'), z.minimum(min, `must be ${min} or more`), z.maximum(365));

export const quoteLine = z.strictObject({
  sku,
  quantity,
  /** A unit price set by sales (before Incoterm adders), replacing the engine's; below the floor needs approval. */
  unitPrice: z.optional(decimalAmount),
});

const lines = z
  .array(quoteLine)
  .check(z.minLength(1, 'a quote needs at least one line'), z.maxLength(200, 'at most 200 lines'));
const incoterm = z.strictObject({
  code: z.enum(INCOTERMS, { message: `must be an Incoterms 2020 rule: ${INCOTERMS.join(', ')}` }),
  place: nonEmpty(200),
});

/** What a revision may change: every term of the quote but its customer and inquiry. */
const quoteTerms = {
  /** Default: the customer's currency, else the product costs' (EUR). */
  currency: z.optional(currencyCode),
  incoterm,
  /** Where the goods go: the Incoterm adders' zone is its country's. */
  shippingAddress,
  /** Default: the customer's terms, else the template's. */
  paymentTerms: z.optional(paymentTerms),
  /** A quote template by name (`standard` unless given): validity, lead time, terms, notes. */
  template: z.optional(nonEmpty(64)),
  validityDays: z.optional(days(1)),
  leadTimeDays: z.optional(days(0)),
  notes: z.optional(nonEmpty(2000)),
  buyerPo: z.optional(nonEmpty(64)),
  lines,
};

export const createQuoteBody = z.strictObject({
  customerId: nonEmpty(64),
  /** The inquiry this answers, if any: carried on the quote's events (the inquiry moves to QUOTED, then WON). */
  inquiryId: z.optional(nonEmpty(64)),
  ...quoteTerms,
  // With an inquiry, these may be left out: taken from it (fill-from-inquiry.ts); else required there.
  incoterm: z.optional(incoterm),
  shippingAddress: z.optional(shippingAddress),
  lines: z.optional(lines),
});
export type CreateQuoteBody = z.infer<typeof createQuoteBody>;

/** A new revision: the terms given replace the current revision's; what is left out stays. */
export const reviseQuoteBody = z
  .strictObject({
    currency: z.optional(currencyCode),
    incoterm: z.optional(incoterm),
    shippingAddress: z.optional(shippingAddress),
    paymentTerms: z.optional(paymentTerms),
    template: z.optional(nonEmpty(64)),
    validityDays: z.optional(days(1)),
    leadTimeDays: z.optional(days(0)),
    notes: z.optional(nonEmpty(2000)),
    buyerPo: z.optional(nonEmpty(64)),
    lines: z.optional(lines),
    /** Why, for the history (not shown to the buyer). */
    reason: z.optional(nonEmpty(500)),
  })
  .check(
    z.refine((body) => Object.keys(body).some((key) => key !== 'reason'), {
      message:
        'a revision changes something: give the terms or lines that change (reprice with the same lines)',
    }),
  );
export type ReviseQuoteBody = z.infer<typeof reviseQuoteBody>;

export const approveQuoteBody = z.strictObject({
  /** The revision the manager reviewed: a newer one is not approved by this (409). */
  revision: z.number().check(z.int('must be a whole number'), z.positive('must be more than 0')),
  note: z.optional(nonEmpty(500)),
});
export type ApproveQuoteBody = z.infer<typeof approveQuoteBody>;

export const sendQuoteBody = z.strictObject({
  /** A short message to the buyer above the quote. */
  message: z.optional(nonEmpty(2000)),
});
export type SendQuoteBody = z.infer<typeof sendQuoteBody>;

export const acceptQuoteBody = z.strictObject({
  /** The token of the acceptance link the buyer was sent. */
  token: z
    .string()
    .check(z.minLength(16, 'is not an acceptance token'), z.maxLength(200, 'is not an acceptance token')),
});
export type AcceptQuoteBody = z.infer<typeof acceptQuoteBody>;

/** The buyer's links (page, proforma): `?token=` of the quote's acceptance link. */
export const quoteLinkQuery = z.strictObject({
  token: z
    .string()
    .check(z.minLength(16, 'is not an acceptance token'), z.maxLength(200, 'is not an acceptance token')),
});

export const listQuotesQuery = z.strictObject({
  customerId: z.optional(nonEmpty(64)),
  status: z.optional(z.enum(QUOTE_STATUSES, { message: `must be one of ${QUOTE_STATUSES.join(', ')}` })),
  limit: z.optional(
    z.coerce.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(100, 'at most 100')),
  ),
  nextToken: z.optional(nonEmpty(2000)),
});
export type ListQuotesQuery = z.infer<typeof listQuotesQuery>;

export const quoteIdParam = z.string().check(z.regex(/^quo_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a quote id'));
