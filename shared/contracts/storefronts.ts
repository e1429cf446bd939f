import { INCOTERMS } from '../domain/incoterms';
import { STOREFRONT_PLATFORMS } from '../domain/storefront';
import * as z from '../zod-mini';
import { currencyCode, nonEmpty, paymentTerms } from './common';

const MAX_SKU_MAPPINGS = 5000;

export const createStorefrontBody = z.strictObject({
  name: nonEmpty(200),
  platform: z.enum(STOREFRONT_PLATFORMS, { message: `must be one of ${STOREFRONT_PLATFORMS.join(', ')}` }),
  // Shopify shows its signing secret in the shop's admin; a short one would be guessable.
  webhookSecret: z.optional(
    z
      .string()
      .check(z.minLength(16, 'must be at least 16 characters'), z.maxLength(256, 'at most 256 characters')),
  ),
  defaultCurrency: z.optional(currencyCode),
  defaultPaymentTerms: z.optional(paymentTerms),
  defaultIncoterm: z.optional(
    z.enum(INCOTERMS, { message: `must be an Incoterms 2020 rule: ${INCOTERMS.join(', ')}` }),
  ),
  skuMap: z.optional(
    z.record(nonEmpty(64), nonEmpty(64)).check(
      z.refine((map) => Object.keys(map).length <= MAX_SKU_MAPPINGS, {
        message: `at most ${MAX_SKU_MAPPINGS} SKU mappings`,
      }),
    ),
  ),
});
export type CreateStorefrontBody = z.infer<typeof createStorefrontBody>;

export const storefrontIdParam = z
  .string()
  .check(z.regex(/^sf_[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a storefront id'));
