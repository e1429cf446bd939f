import { mapShopifyOrder } from './shopify-order-mapping';
import type {
  StorefrontMappingResult,
  StorefrontMappingSettings,
  StorefrontPlatform,
} from './storefront-order';
import { mapWooCommerceOrder } from './woocommerce-order-mapping';

/** How each shop platform delivers an order webhook: its headers, the topics we take, its payload. */
export interface WebhookPlatform {
  /** Lower-case header names. */
  signatureHeader: string;
  topicHeader: string;
  /** The headers that identify a delivery, first present wins; a redelivery repeats it. */
  deliveryIdHeaders: string[];
  orderTopics: readonly string[];
  map: (payload: unknown, settings: StorefrontMappingSettings) => StorefrontMappingResult;
}

export const WEBHOOK_PLATFORMS: Record<StorefrontPlatform, WebhookPlatform> = {
  shopify: {
    signatureHeader: 'x-shopify-hmac-sha256',
    topicHeader: 'x-shopify-topic',
    // X-Shopify-Event-Id is the same for every delivery of one event (retries, and the same event
    // sent to several subscriptions); X-Shopify-Webhook-Id names a delivery, for older API versions.
    deliveryIdHeaders: ['x-shopify-event-id', 'x-shopify-webhook-id'],
    orderTopics: ['orders/create', 'orders/paid', 'orders/cancelled', 'orders/updated'],
    map: mapShopifyOrder,
  },
  woocommerce: {
    signatureHeader: 'x-wc-webhook-signature',
    topicHeader: 'x-wc-webhook-topic',
    deliveryIdHeaders: ['x-wc-webhook-delivery-id'],
    orderTopics: ['order.created', 'order.updated'],
    map: mapWooCommerceOrder,
  },
};
