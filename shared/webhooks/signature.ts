import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How our outgoing webhooks are signed (docs/subscriptions.md): `X-Tradeflow-Signature:
 * sha256=<hex>`, the HMAC-SHA256, keyed with the subscription's secret, of `<timestamp>.<raw body>`,
 * where `<timestamp>` is `X-Tradeflow-Timestamp` (Unix seconds, when this attempt was sent). Signing
 * the timestamp lets a receiver refuse an old request replayed as it was: it checks the signature,
 * then that the timestamp is recent, then that it has not seen `X-Tradeflow-Event-Id` yet.
 */
export const SIGNATURE_HEADER = 'X-Tradeflow-Signature';
export const TIMESTAMP_HEADER = 'X-Tradeflow-Timestamp';
export const EVENT_ID_HEADER = 'X-Tradeflow-Event-Id';

/** How far a receiver should accept a timestamp from its own clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** The headers of one attempt: signed now, with the event id a receiver deduplicates on. */
export function signedHeaders(
  secret: string,
  eventId: string,
  rawBody: string,
  now: Date,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [SIGNATURE_HEADER]: signWebhook(secret, timestamp, rawBody),
    [TIMESTAMP_HEADER]: String(timestamp),
    [EVENT_ID_HEADER]: eventId,
  };
}

/**
 * What a receiver does (and our tests do): recompute the signature over the raw body as received,
 * compare in constant time, and accept only a timestamp within `toleranceSeconds` of its clock.
 */
export function verifyWebhook(input: {
  secret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const { secret, rawBody, signature, timestamp, now } = input;
  if (!secret || !signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (age > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), rawBody), 'utf8');
  const received = Buffer.from(signature, 'utf8');
  return received.length === expected.length && timingSafeEqual(received, expected);
}
