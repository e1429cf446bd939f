import { INCOTERMS } from '../domain/incoterms';
import * as z from '../zod-mini';
import { countryCode, currencyCode, decimalAmount, nonEmpty, paymentTerms } from './common';

export const orderLine = z.strictObject({
  sku: nonEmpty(64),
  quantity: z
    .number()
    .check(z.int('must be a whole number'), z.positive('must be more than 0'), z.maximum(10_000_000)),
  unitPrice: decimalAmount,
});

export const shippingAddress = z.strictObject({
  name: nonEmpty(200),
  line1: nonEmpty(200),
  line2: z.optional(nonEmpty(200)),
  city: nonEmpty(100),
  postalCode: z.optional(nonEmpty(20)),
  region: z.optional(nonEmpty(100)),
  country: countryCode,
});

export const createOrderBody = z.strictObject({
  customerId: nonEmpty(64),
  currency: currencyCode,
  incoterm: z.strictObject({
    code: z.enum(INCOTERMS, { message: `must be an Incoterms 2020 rule: ${INCOTERMS.join(', ')}` }),
    place: nonEmpty(200),
  }),
  paymentTerms,
  lines: z
    .array(orderLine)
    .check(z.minLength(1, 'an order needs at least one line'), z.maxLength(200, 'at most 200 lines')),
  shippingAddress,
  buyerPo: z.optional(nonEmpty(64)),
  externalRef: z.optional(nonEmpty(128)),
  /** What the shop shows people for that order ("#1042"). */
  externalName: z.optional(nonEmpty(128)),
  /**
   * The buyer accepts partial shipments (default false): what is in stock ships, the rest follows as
   * a backorder in later shipments, each with its own documents, tracking and emails.
   */
  allowPartialShipments: z.optional(z.boolean()),
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const orderIdParam = z.string().check(z.regex(/^ord_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not an order id'));
