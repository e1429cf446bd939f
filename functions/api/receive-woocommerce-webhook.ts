import { webhookReceiver } from './webhook-receiver';

/** POST /webhooks/woocommerce/{storefrontId}: WooCommerce's order webhooks, signed with X-WC-Webhook-Signature. */
export const handler = webhookReceiver('woocommerce');
