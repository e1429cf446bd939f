import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A tracking page's token: 192 random bits (more than the 128 asked), base64url, 32 characters. It
 * travels in links, so it is URL-safe with no padding.
 */
const TOKEN_BYTES = 24;
export const TRACKING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newTrackingToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether a text could be a token at all; anything else is refused before any lookup. */
export function isWellFormedToken(value: string | undefined): value is string {
  return value !== undefined && TRACKING_TOKEN_PATTERN.test(value);
}

/**
 * What a token is looked up by: its SHA-256 (hex). The lookup key is never the secret itself, and a
 * key comparison inside the store leaks nothing useful about a token.
 */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality of two tokens (of their digests, so lengths never differ). */
export function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a, 'utf8').digest(),
    createHash('sha256').update(b, 'utf8').digest(),
  );
}
