/**
 * WooCommerce's delivery test when a webhook is created: form-encoded `webhook_id=<n>`.
 *
 * WC_Webhook::deliver_ping() POSTs the body `webhook_id=<id>` with no Content-Type of its own (so
 * WordPress' HTTP client sends application/x-www-form-urlencoded), no X-WC-Webhook-* headers and no
 * signature; WooCommerce activates the webhook only when the answer is 200. A real delivery is
 * JSON. Answering a ping does nothing, so it needs no signature.
 */
export function isWooCommercePing(contentType: string | undefined, rawBody: string): boolean {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/x-www-form-urlencoded' && /^webhook_id=\d+$/.test(rawBody.trim());
}
