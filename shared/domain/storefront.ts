import type { PaymentTerms } from '../contracts/common';
import type { IncotermCode } from './incoterms';
import type { Actor } from './order';

export const STOREFRONT_PLATFORMS = ['shopify', 'woocommerce', 'custom'] as const;
export type StorefrontPlatformName = (typeof STOREFRONT_PLATFORMS)[number];

/**
 * A shop that sells through us: it calls the API with its own API key and, for Shopify and
 * WooCommerce, sends its order webhooks signed with `webhookSecret`. Its defaults fill what a shop's
 * order does not say (payment terms, Incoterm); `skuMap` turns the shop's SKUs into ours.
 */
export interface Storefront {
  storefrontId: string;
  name: string;
  platform: StorefrontPlatformName;
  webhookSecret: string;
  defaultCurrency?: string;
  defaultPaymentTerms?: PaymentTerms;
  defaultIncoterm?: IncotermCode;
  skuMap: Record<string, string>;
  /** The API Gateway key it is metered under (its id; the value is the API key, never stored). */
  apiKeyId: string;
  createdAt: string;
  createdBy: Actor;
  createdUnder?: { idempotencyKey: string; requestHash: string };
}

/** Shop orders arrive as webhooks; this is what a storefront's orders are paid on unless it says. */
export const SHOP_ORDER_TERMS: PaymentTerms = { type: 'PREPAID' };
/** Shop orders are delivered to the buyer's door unless the storefront says otherwise. */
export const SHOP_ORDER_INCOTERM: IncotermCode = 'DAP';
