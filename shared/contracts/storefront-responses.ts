import { INCOTERMS } from '../domain/incoterms';
import { STOREFRONT_PLATFORMS } from '../domain/storefront';
import * as z from '../zod-mini';
import { paymentTerms } from './common';

/**
 * What `storefrontView` / `createdStorefrontView` (shared/http/storefront-views.ts) answer.
 * Documentation only (no handler imports it); the OpenAPI tests check real views against it.
 */
export const storefrontResponse = z.object({
  storefrontId: z.string(),
  name: z.string(),
  platform: z.enum(STOREFRONT_PLATFORMS),
  defaultCurrency: z.optional(z.string()),
  defaultPaymentTerms: z.optional(paymentTerms),
  defaultIncoterm: z.optional(z.enum(INCOTERMS)),
  skuMap: z.record(z.string(), z.string()),
  /** Where its shop posts order webhooks, from the API's base URL (Shopify and WooCommerce only). */
  webhookPath: z.optional(z.string()),
  createdAt: z.string(),
  createdBy: z.object({ kind: z.string(), id: z.string(), role: z.optional(z.string()) }),
});

export const createdStorefrontResponse = z.object({
  ...storefrontResponse.shape,
  /** Send as `x-api-key`. Shown only here: only a hash of it is kept. */
  apiKey: z.string(),
  /** The secret the shop signs its webhooks with. */
  webhookSecret: z.string(),
});

/** What a webhook receiver answers a shop. */
export const webhookAnswerResponse = z.object({
  received: z.literal(true),
  outcome: z.enum(['ping', 'ignored-topic', 'kept', 'duplicate', 'unprocessable']),
  orderId: z.optional(z.string()),
  deliveryId: z.optional(z.string()),
});
