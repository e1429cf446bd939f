import type { StorefrontMappingResult, StorefrontPlatform } from '../storefronts/storefront-order';

/** A verified webhook delivery, as kept: what the shop said (mapped to our terms) and when. */
export interface WebhookDelivery {
  storefrontId: string;
  platform: StorefrontPlatform;
  /** The shop's id of this delivery (Shopify's event id, WooCommerce's delivery id). */
  deliveryId: string;
  topic: string;
  externalRef: string;
  receivedAt: string;
  mapping: StorefrontMappingResult;
}

export interface WebhookInbox {
  /** Keeps the delivery; 'duplicate' when one with the same storefront and delivery id is kept already. */
  keep(delivery: WebhookDelivery): Promise<'kept' | 'duplicate'>;
  get(storefrontId: string, deliveryId: string): Promise<WebhookDelivery | undefined>;
}
