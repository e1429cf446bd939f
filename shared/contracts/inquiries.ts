import { INCOTERMS } from '../domain/incoterms';
import { INQUIRY_STATUSES } from '../domain/inquiry';
import * as z from '../zod-mini';
import {
  countryCode,
  currencyCode,
  decimalAmount,
  email,
  languageTag,
  nonEmpty,
  pageLimit,
  pageToken,
} from './common';

/**
 * `POST /inquiries`: the buyer (an existing `customerId`, or `buyer` details to find or make the
 * customer by email), what they ask about (product lines, free text, or both), and what they want.
 * Which of customerId/buyer and lines/text must be given is the use case's rule (one message each).
 */
export const inquiryBuyer = z.strictObject({
  name: nonEmpty(200),
  email,
  country: countryCode,
  company: z.optional(nonEmpty(200)),
  language: z.optional(languageTag),
});

export const createInquiryBody = z.strictObject({
  customerId: z.optional(nonEmpty(64)),
  buyer: z.optional(inquiryBuyer),
  lines: z.optional(
    z
      .array(
        z.strictObject({
          sku: nonEmpty(64),
          quantity: z
            .number()
            .check(z.int('must be a whole number'), z.positive('must be more than 0'), z.maximum(10_000_000)),
        }),
      )
      .check(z.maxLength(200, 'at most 200 lines')),
  ),
  text: z.optional(nonEmpty(5000)),
  targetPrice: z.optional(z.strictObject({ amount: decimalAmount, currency: currencyCode })),
  destinationCountry: z.optional(countryCode),
  incoterm: z.optional(
    z.enum(INCOTERMS, { message: `must be an Incoterms 2020 rule: ${INCOTERMS.join(', ')}` }),
  ),
});
export type CreateInquiryBody = z.infer<typeof createInquiryBody>;

export const replyToInquiryBody = z.strictObject({
  /** The email's subject; by default "Re: your inquiry <id>". */
  subject: z.optional(nonEmpty(200)),
  message: nonEmpty(10_000),
});
export type ReplyToInquiryBody = z.infer<typeof replyToInquiryBody>;

export const markInquiryLostBody = z.strictObject({ reason: nonEmpty(1000) });
export type MarkInquiryLostBody = z.infer<typeof markInquiryLostBody>;

export const inquiryIdParam = z
  .string()
  .check(z.regex(/^inq_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not an inquiry id'));

/** `GET /inquiries?status=&customerId=&limit=&nextToken=`: one of status or customerId is required. */
export const listInquiriesQuery = z.strictObject({
  status: z.optional(z.enum(INQUIRY_STATUSES, { message: `must be one of ${INQUIRY_STATUSES.join(', ')}` })),
  customerId: z.optional(nonEmpty(64)),
  limit: pageLimit(25),
  nextToken: pageToken,
});
export type ListInquiriesQuery = z.infer<typeof listInquiriesQuery>;

const actor = z.object({ kind: z.string(), id: z.string(), role: z.optional(z.string()) });
const money = z.object({ amount: z.string(), currency: z.string() });

/** What `inquiryView` (shared/http/inquiry-views.ts) answers. */
export const inquiryResponse = z.object({
  inquiryId: z.string(),
  customerId: z.string(),
  receivedFrom: actor,
  status: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
  text: z.optional(z.string()),
  targetPrice: z.optional(money),
  destinationCountry: z.optional(z.string()),
  incoterm: z.optional(z.string()),
  replies: z.array(
    z.object({ replyId: z.string(), at: z.string(), by: actor, subject: z.string(), message: z.string() }),
  ),
  quoteIds: z.array(z.string()),
  wonQuoteId: z.optional(z.string()),
  lostReason: z.optional(z.string()),
  /** While the first reply is awaited: since when, and when the next escalation is due. */
  firstReplyDue: z.optional(
    z.object({ since: z.string(), dueAt: z.optional(z.string()), escalatedLevel: z.optional(z.number()) }),
  ),
  timeline: z.array(
    z.object({ at: z.string(), what: z.string(), by: actor, status: z.optional(z.string()) }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const inquiryPageResponse = z.object({
  items: z.array(inquiryResponse),
  nextToken: z.optional(z.string()),
});

/** What `POST /inquiries/{id}/replies` answers. */
export const inquiryReplyResponse = z.object({ inquiryId: z.string(), replyId: z.string() });
