import * as z from '../zod-mini';

/**
 * The fields the CRM's activity consumer reads from the sales events (the inquiries and quotes issue
 * publishes them; their full schemas are in events.ts as they land). Loose on purpose: only what is
 * read is checked, so a compatible change to a producer's detail never dead-letters the CRM's copy.
 * The order events are read with their own schemas (events.ts).
 */
const at = { occurredAt: z.optional(z.iso.datetime()) };
const id = z.string().check(z.minLength(1));

export const inquiryActivity = z.looseObject({ inquiryId: id, customerId: id, ...at });
export const quoteActivity = z.looseObject({
  quoteId: id,
  customerId: id,
  inquiryId: z.optional(id),
  /** QuoteSent: a decimal string, or `{ amount, currency }`. */
  total: z.optional(z.union([z.string(), z.object({ amount: z.string(), currency: z.string() })])),
  currency: z.optional(z.string()),
  ...at,
});

export const SALES_ACTIVITY_TYPES = [
  'InquiryReceived',
  'InquiryLost',
  'QuoteSent',
  'QuoteAccepted',
  'QuoteExpired',
] as const;
export const ORDER_ACTIVITY_TYPES = ['OrderReceived', 'OrderCancelled', 'OrderRejected'] as const;
/** What the `crm-activity` rule delivers to `record-customer-activity`. */
export const CRM_ACTIVITY_TYPES = [...ORDER_ACTIVITY_TYPES, ...SALES_ACTIVITY_TYPES];
