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
  paymentTerms,
} from './common';

/** The CRM profile's parts, as `PATCH /customers/{id}` takes them. */
export const customerContact = z.strictObject({
  name: nonEmpty(200),
  role: z.optional(nonEmpty(100)),
  email: z.optional(email),
  phone: z.optional(
    z.string().check(z.regex(/^\+?[0-9 ()./-]{4,40}$/, 'must be a phone number such as +49 40 123456')),
  ),
});

export const customerAddress = z.strictObject({
  kind: z.enum(['billing', 'shipping'], { message: 'must be billing or shipping' }),
  name: z.optional(nonEmpty(200)),
  line1: nonEmpty(200),
  line2: z.optional(nonEmpty(200)),
  city: nonEmpty(100),
  postalCode: z.optional(nonEmpty(20)),
  region: z.optional(nonEmpty(100)),
  country: countryCode,
});

/** The sales rep's staff id (their sign-in's subject), or a role for a team. */
export const customerOwner = nonEmpty(128);

/**
 * `PATCH /customers/{id}`: the fields to change (each replaces the stored value; a list replaces the
 * whole list) and `version`, the one read: a change made since answers 409.
 */
export const updateCustomerBody = z.strictObject({
  version: z.number().check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1')),
  name: z.optional(nonEmpty(200)),
  email: z.optional(email),
  country: z.optional(countryCode),
  company: z.optional(nonEmpty(200)),
  language: z.optional(languageTag),
  currency: z.optional(currencyCode),
  creditLimit: z.optional(z.strictObject({ amount: decimalAmount, currency: currencyCode })),
  paymentTerms: z.optional(paymentTerms),
  contacts: z.optional(z.array(customerContact).check(z.maxLength(50, 'at most 50 contacts'))),
  addresses: z.optional(z.array(customerAddress).check(z.maxLength(20, 'at most 20 addresses'))),
  tags: z.optional(z.array(nonEmpty(50)).check(z.maxLength(50, 'at most 50 tags'))),
  owner: z.optional(customerOwner),
});
export type UpdateCustomerBody = z.infer<typeof updateCustomerBody>;

export const customerIdParam = z
  .string()
  .check(z.regex(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a customer id'));

/** `POST /customers/{id}/communications`: a staff note or call. */
export const addCommunicationBody = z.strictObject({
  kind: z.enum(['note', 'call'], { message: 'must be note or call' }),
  subject: nonEmpty(200),
  summary: z.optional(nonEmpty(5000)),
});
export type AddCommunicationBody = z.infer<typeof addCommunicationBody>;

export const listCommunicationsQuery = z.strictObject({
  limit: pageLimit(25),
  nextToken: pageToken,
});

export const communicationResponse = z.object({
  customerId: z.string(),
  entryId: z.string(),
  at: z.string(),
  kind: z.string(),
  direction: z.string(),
  subject: z.string(),
  summary: z.optional(z.string()),
  refs: z.optional(
    z.object({
      orderId: z.optional(z.string()),
      inquiryId: z.optional(z.string()),
      quoteId: z.optional(z.string()),
    }),
  ),
  by: z.string(),
});

export const communicationPageResponse = z.object({
  items: z.array(communicationResponse),
  nextToken: z.optional(z.string()),
});
