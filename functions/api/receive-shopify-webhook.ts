import { webhookReceiver } from './webhook-receiver';

/** POST /webhooks/shopify/{storefrontId}: Shopify's order webhooks, signed with X-Shopify-Hmac-Sha256. */
export const handler = webhookReceiver('shopify');
