import * as z from 'zod';
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
  company: nonEmpty(200).optional(),
  language: languageTag.optional(),
  currency: currencyCode.optional(),
  creditLimit: z.strictObject({ amount: decimalAmount, currency: currencyCode }).optional(),
  paymentTerms: paymentTerms.optional(),
});
export type CreateCustomerBody = z.infer<typeof createCustomerBody>;
