import { isWooCommercePing } from '../../../shared/storefronts/woocommerce-ping';
import {
  WOOCOMMERCE_TEST_SECRET,
  wooCommerceHeaders,
  wooCommercePing,
} from '../../fixtures/storefronts/woocommerce-headers';
import wooCommerceOrder from '../../fixtures/storefronts/woocommerce-order.json';

describe('WooCommerce delivery ping', () => {
  it('detects the ping WooCommerce sends when a webhook is saved', () => {
    // Prepare
    const ping = wooCommercePing('17');

    // Act
    const detected = isWooCommercePing(ping.headers['Content-Type'], ping.body);

    // Assess
    expect(detected).toBe(true);
  });

  it.each(['application/x-www-form-urlencoded; charset=UTF-8', 'Application/X-WWW-Form-Urlencoded'])(
    'accepts the form content type written as %s',
    (contentType) => {
      expect(isWooCommercePing(contentType, 'webhook_id=204')).toBe(true);
    },
  );

  it('does not take an order delivery for a ping', () => {
    // Prepare
    const body = JSON.stringify(wooCommerceOrder);
    const headers = wooCommerceHeaders(body, WOOCOMMERCE_TEST_SECRET);

    // Act
    const detected = isWooCommercePing(headers['Content-Type'], body);

    // Assess
    expect(detected).toBe(false);
  });

  it.each([
    ['a JSON body', 'application/json', '{"webhook_id":17}'],
    ['a ping body sent as JSON', 'application/json', 'webhook_id=17'],
    ['no content type', undefined, 'webhook_id=17'],
    ['other form fields', 'application/x-www-form-urlencoded', 'webhook_id=17&status=active'],
    ['an id that is not a number', 'application/x-www-form-urlencoded', 'webhook_id=abc'],
    ['no id', 'application/x-www-form-urlencoded', 'webhook_id='],
    ['an empty body', 'application/x-www-form-urlencoded', ''],
  ])('is not a ping with %s', (_case, contentType, body) => {
    expect(isWooCommercePing(contentType, body)).toBe(false);
  });
});
