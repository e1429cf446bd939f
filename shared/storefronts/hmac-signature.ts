import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook signature Shopify (X-Shopify-Hmac-Sha256) and WooCommerce (X-WC-Webhook-Signature)
 * both send: base64 of HMAC-SHA256 over the raw request body, keyed with the shared secret. It must
 * be computed on the body's bytes as received, before any JSON parsing.
 */
export function signBase64HmacSha256(rawBody: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Constant-time (crypto.timingSafeEqual on equal-length buffers); false for a missing/empty/malformed header. */
export function verifyBase64HmacSha256(
  rawBody: string | Buffer,
  secret: string,
  header: string | undefined,
): boolean {
  // An empty secret would let anyone sign: treat it as a misconfiguration, never as a match.
  if (!header || !secret) return false;
  const expected = Buffer.from(signBase64HmacSha256(rawBody, secret), 'utf8');
  const received = Buffer.from(header, 'utf8');
  // timingSafeEqual throws on different lengths; the length of a signature is no secret.
  if (received.length !== expected.length) return false;
  return timingSafeEqual(received, expected);
}
