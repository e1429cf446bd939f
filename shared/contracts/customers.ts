import * as z from '../zod-mini';
import {
  countryCode,
  currencyCode,
  decimalAmount,
  email,
  languageTag,
  nonEmpty,
  paymentTerms,
} from './common';

export const createCustomerBody = z.strictObject({
  name: nonEmpty(200),
  email,
  country: countryCode,
  company: z.optional(nonEmpty(200)),
  language: z.optional(languageTag),
  currency: z.optional(currencyCode),
  creditLimit: z.optional(z.strictObject({ amount: decimalAmount, currency: currencyCode })),
  paymentTerms: z.optional(paymentTerms),
});
export type CreateCustomerBody = z.infer<typeof createCustomerBody>;
