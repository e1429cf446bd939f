import { signBase64HmacSha256, verifyBase64HmacSha256 } from '../../../shared/storefronts/hmac-signature';
import { SHOPIFY_TEST_SECRET, shopifyHeaders } from '../../fixtures/storefronts/shopify-headers';
import shopifyOrder from '../../fixtures/storefronts/shopify-order.json';
import { WOOCOMMERCE_TEST_SECRET, wooCommerceHeaders } from '../../fixtures/storefronts/woocommerce-headers';
import wooCommerceOrder from '../../fixtures/storefronts/woocommerce-order.json';

const BODY = '{"id":1,"name":"#1001"}';
const SECRET = 'hush';
// Computed outside this code: printf '{"id":1,"name":"#1001"}' | openssl dgst -sha256 -hmac hush -binary | base64
const OPENSSL_SIGNATURE = 'ybi5GMyq3UlgsyWLTJU1wvBRjL3uJyvuWTBki5k2cJY=';

describe('base64 HMAC-SHA256 webhook signatures', () => {
  it('signs as openssl does, for a string and for the same bytes in a Buffer', () => {
    expect(signBase64HmacSha256(BODY, SECRET)).toBe(OPENSSL_SIGNATURE);
    expect(signBase64HmacSha256(Buffer.from(BODY, 'utf8'), SECRET)).toBe(OPENSSL_SIGNATURE);
    expect(signBase64HmacSha256('hello', 'key')).toBe('kwezuRXvtRcf8U2MtV+8x5jGwO8UVtZt7RpqpyOli3s=');
  });

  it('accepts a good signature', () => {
    expect(verifyBase64HmacSha256(BODY, SECRET, OPENSSL_SIGNATURE)).toBe(true);
    expect(verifyBase64HmacSha256(Buffer.from(BODY), SECRET, OPENSSL_SIGNATURE)).toBe(true);
  });

  it('accepts the signatures of the platforms’ example deliveries, non-ASCII bodies included', () => {
    // Prepare: bodies serialised as the platforms send them (WooCommerce's has "ü" and "€")
    const shopifyBody = JSON.stringify(shopifyOrder);
    const wooBody = JSON.stringify(wooCommerceOrder);
    const shopify = shopifyHeaders(shopifyBody, SHOPIFY_TEST_SECRET, 'orders/paid');
    const woo = wooCommerceHeaders(wooBody, WOOCOMMERCE_TEST_SECRET, 'order.updated');

    // Act
    const shopifyOk = verifyBase64HmacSha256(
      shopifyBody,
      SHOPIFY_TEST_SECRET,
      shopify['X-Shopify-Hmac-Sha256'],
    );
    const wooOk = verifyBase64HmacSha256(
      Buffer.from(wooBody),
      WOOCOMMERCE_TEST_SECRET,
      woo['X-WC-Webhook-Signature'],
    );

    // Assess
    expect(shopifyOk).toBe(true);
    expect(wooOk).toBe(true);
  });

  it('refuses a signature of another body, one altered character, or a re-serialised body', () => {
    expect(verifyBase64HmacSha256('{"id":1,"name":"#1002"}', SECRET, OPENSSL_SIGNATURE)).toBe(false);
    expect(verifyBase64HmacSha256(`${BODY} `, SECRET, OPENSSL_SIGNATURE)).toBe(false);
    // Parsing and stringifying again changes the bytes: the raw body must be verified.
    expect(verifyBase64HmacSha256(JSON.stringify(JSON.parse(BODY), null, 1), SECRET, OPENSSL_SIGNATURE)).toBe(
      false,
    );
  });

  it('refuses a signature made with another secret', () => {
    expect(verifyBase64HmacSha256(BODY, 'Hush', OPENSSL_SIGNATURE)).toBe(false);
    expect(verifyBase64HmacSha256(BODY, SECRET, signBase64HmacSha256(BODY, 'other secret'))).toBe(false);
  });

  it('refuses a missing or empty header without throwing', () => {
    expect(verifyBase64HmacSha256(BODY, SECRET, undefined)).toBe(false);
    expect(verifyBase64HmacSha256(BODY, SECRET, '')).toBe(false);
  });

  it('refuses everything when the secret is empty, even a signature made with it', () => {
    expect(verifyBase64HmacSha256(BODY, '', signBase64HmacSha256(BODY, ''))).toBe(false);
  });

  it.each([
    ['not base64, same length', '!'.repeat(OPENSSL_SIGNATURE.length)],
    ['hex instead of base64', Buffer.from(OPENSSL_SIGNATURE, 'base64').toString('hex')],
    ['shorter', OPENSSL_SIGNATURE.slice(0, -1)],
    ['longer', `${OPENSSL_SIGNATURE}=`],
    ['padded with spaces', ` ${OPENSSL_SIGNATURE}`],
    ['the same bytes in base64url', Buffer.from(OPENSSL_SIGNATURE, 'base64').toString('base64url')],
    ['a multi-byte character', `${OPENSSL_SIGNATURE.slice(0, -2)}é`],
  ])('refuses a header that is %s, without throwing', (_case, header) => {
    expect(() => verifyBase64HmacSha256(BODY, SECRET, header)).not.toThrow();
    expect(verifyBase64HmacSha256(BODY, SECRET, header)).toBe(false);
  });
});
