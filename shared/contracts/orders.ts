import * as z from 'zod';
import { INCOTERMS } from '../domain/incoterms';
import { countryCode, currencyCode, decimalAmount, nonEmpty, paymentTerms } from './common';

export const orderLine = z.strictObject({
  sku: nonEmpty(64),
  quantity: z.number().int('must be a whole number').positive('must be more than 0').max(10_000_000),
  unitPrice: decimalAmount,
});

export const shippingAddress = z.strictObject({
  name: nonEmpty(200),
  line1: nonEmpty(200),
  line2: nonEmpty(200).optional(),
  city: nonEmpty(100),
  postalCode: nonEmpty(20).optional(),
  region: nonEmpty(100).optional(),
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
  lines: z.array(orderLine).min(1, 'an order needs at least one line').max(200, 'at most 200 lines'),
  shippingAddress,
  buyerPo: nonEmpty(64).optional(),
  externalRef: nonEmpty(128).optional(),
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const orderIdParam = z.string().regex(/^ord_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not an order id');
