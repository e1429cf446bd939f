import type { ShopifyOrder } from '../../../shared/contracts/storefronts/shopify-order';
import { mapShopifyOrder } from '../../../shared/storefronts/shopify-order-mapping';
import type { StorefrontMappingResult, StorefrontOrder } from '../../../shared/storefronts/storefront-order';
import fixture from '../../fixtures/storefronts/shopify-order.json';

const base: ShopifyOrder = fixture;
const NO_MAP = { skuMap: {} };

/** A fresh copy of the fixture order (orders/create, paid), to tweak into other topics. */
function anOrder(): ShopifyOrder {
  return structuredClone(base);
}

function mapped(result: StorefrontMappingResult): StorefrontOrder {
  if (!result.ok) throw new Error(`expected a mapped order, got: ${result.problems.join('; ')}`);
  return result.order;
}

function problemsOf(result: StorefrontMappingResult): string[] {
  if (result.ok) throw new Error('expected problems, got a mapped order');
  return result.problems;
}

describe('Shopify order mapping', () => {
  it('maps every field of an orders/create delivery', () => {
    // Act
    const result = mapShopifyOrder(fixture, NO_MAP);

    // Assess
    expect(result).toEqual({
      ok: true,
      order: {
        platform: 'shopify',
        externalRef: '5812345678901',
        externalName: '#1042',
        buyer: {
          email: 'purchasing@northwind-industrial.example',
          name: 'Mei Chen',
          company: 'Northwind Industrial Supply Ltd.',
          phone: '+16045550142',
          country: 'CA',
        },
        currency: 'USD',
        lines: [
          { sku: 'SHOP-BV-DN50', quantity: 200, unitPrice: '11.25', title: 'Brass ball valve DN50 - PN16' },
          { sku: 'PUMP-3KW', quantity: 4, unitPrice: '809.91', title: 'Centrifugal pump 3 kW - 400 V' },
        ],
        shippingAddress: {
          name: 'Receiving Dock 4',
          line1: '7850 Riverside Way',
          city: 'Delta',
          postalCode: 'V4G 1B8',
          region: 'BC',
          country: 'CA',
        },
        buyerPo: 'NW-PO-88123',
        note: 'Deliver to dock 4, weekdays 08:00-16:00.',
        total: '5909.64',
        payment: { status: 'paid', paidAmount: '5909.64' },
        cancelled: false,
        updatedAt: '2024-05-14T14:12:45.000Z',
      },
    });
  });

  it('prices lines net of their discount allocations, so they add up to the subtotal', () => {
    // Act
    const order = mapped(mapShopifyOrder(fixture, NO_MAP));

    // Assess: 200 × 11.25 + 4 × 809.91 = 5489.64, Shopify's subtotal after the TRADE10 code
    const cents = order.lines.reduce((sum, l) => sum + l.quantity * Math.round(Number(l.unitPrice) * 100), 0);
    expect(cents).toBe(Math.round(Number(fixture.subtotal_price) * 100));
  });

  it('replaces shop SKUs through the skuMap and keeps the ones it does not list', () => {
    // Act
    const order = mapped(mapShopifyOrder(fixture, { skuMap: { 'SHOP-BV-DN50': 'VALVE-DN50', OTHER: 'X' } }));

    // Assess
    expect(order.lines.map((l) => l.sku)).toEqual(['VALVE-DN50', 'PUMP-3KW']);
  });

  it('does not look a SKU up among the map object’s inherited members', () => {
    // Prepare
    const payload = anOrder();
    payload.line_items[1].sku = 'constructor';

    // Act
    const order = mapped(mapShopifyOrder(payload, NO_MAP));

    // Assess
    expect(order.lines[1].sku).toBe('constructor');
  });

  it('combines lines that end with the same SKU and price, and keeps different prices apart', () => {
    // Prepare: two shop SKUs of one valve, and the pump on a second line at another price
    const payload = anOrder();
    const [valve, pump] = payload.line_items;
    payload.line_items = [
      valve,
      {
        ...valve,
        id: 1,
        sku: 'SHOP-BV-DN50-OLD',
        quantity: 100,
        discount_allocations: [{ amount: '125.00' }],
      },
      pump,
      { ...pump, id: 2, quantity: 1, discount_allocations: [] },
    ];

    // Act
    const order = mapped(mapShopifyOrder(payload, { skuMap: { 'SHOP-BV-DN50-OLD': 'SHOP-BV-DN50' } }));

    // Assess
    expect(order.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }))).toEqual([
      { sku: 'SHOP-BV-DN50', quantity: 300, unitPrice: '11.25' },
      { sku: 'PUMP-3KW', quantity: 4, unitPrice: '809.91' },
      { sku: 'PUMP-3KW', quantity: 1, unitPrice: '899.90' },
    ]);
  });

  describe('line discounts and tax', () => {
    it('uses total_discount only when a payload has no discount_allocations', () => {
      // Prepare
      const payload = anOrder();
      delete payload.line_items[0].discount_allocations;
      payload.line_items[0].total_discount = '500.00';

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess: (200 × 12.50 − 500.00) / 200
      expect(order.lines[0].unitPrice).toBe('10.00');
    });

    it('ignores total_discount when allocations are there (they include it)', () => {
      // Prepare
      const payload = anOrder();
      payload.line_items[0].total_discount = '250.00';

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.lines[0].unitPrice).toBe('11.25');
    });

    it('rounds a unit price that does not divide to the cent, half up', () => {
      // Prepare: 3 × 10.00 less 10.00 is 20.00 over 3 units
      const payload = anOrder();
      payload.line_items[1] = {
        ...payload.line_items[1],
        price: '10.00',
        quantity: 3,
        discount_allocations: [{ amount: '10.00' }],
      };

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.lines[1].unitPrice).toBe('6.67');
    });

    it('takes the tax out of tax-inclusive prices, so unit prices are net as WooCommerce’s are', () => {
      // Prepare: 2 × 119.00 incl. 19% VAT (38.00), less a 23.80 discount
      const payload = anOrder();
      payload.taxes_included = true;
      payload.line_items[1] = {
        ...payload.line_items[1],
        price: '119.00',
        quantity: 2,
        discount_allocations: [{ amount: '23.80' }],
        tax_lines: [{ price: '34.20', rate: 0.19, title: 'MwSt' }],
      };

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess: (238.00 − 23.80 − 34.20) / 2
      expect(order.lines[1].unitPrice).toBe('90.00');
    });

    it('keeps tax_lines in the price when prices exclude tax', () => {
      // Prepare
      const payload = anOrder();
      payload.line_items[1].tax_lines = [{ price: '500.00' }];

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.lines[1].unitPrice).toBe('809.91');
    });

    it('refuses a line whose discounts exceed its price', () => {
      // Prepare
      const payload = anOrder();
      payload.line_items[1].discount_allocations = [{ amount: '3600.00' }];

      // Act
      const problems = problemsOf(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'line "Centrifugal pump 3 kW - 400 V" discounts and tax (3600.00) exceed its price (3599.60)',
      ]);
    });
  });

  describe('payment', () => {
    it.each([
      ['pending', { status: 'unpaid' }],
      ['authorized', { status: 'unpaid' }],
      ['voided', { status: 'unpaid' }],
      ['expired', { status: 'unpaid' }],
      [null, { status: 'unpaid' }],
      ['paid', { status: 'paid', paidAmount: '5909.64' }],
      ['partially_refunded', { status: 'paid', paidAmount: '5909.64' }],
      ['refunded', { status: 'refunded' }],
    ])('maps financial_status %s', (financialStatus, payment) => {
      // Prepare
      const payload = anOrder();
      payload.financial_status = financialStatus;

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.payment).toEqual(payment);
    });

    it('counts a partial payment as the total less what is outstanding', () => {
      // Prepare: a 30% deposit received
      const payload = anOrder();
      payload.financial_status = 'partially_paid';
      payload.total_outstanding = '4136.75';

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.payment).toEqual({ status: 'partially_paid', paidAmount: '1772.89' });
    });

    it('leaves the amount out of a partial payment when Shopify does not say what is outstanding', () => {
      const payload = anOrder();
      payload.financial_status = 'partially_paid';
      payload.total_outstanding = null;
      expect(mapped(mapShopifyOrder(payload, NO_MAP)).payment).toEqual({ status: 'partially_paid' });
    });
  });

  describe('cancellation and updates', () => {
    it('maps an orders/cancelled delivery with its reason', () => {
      // Prepare
      const payload = anOrder();
      payload.cancelled_at = '2024-05-15T08:30:00-04:00';
      payload.cancel_reason = 'customer';
      payload.financial_status = 'refunded';
      payload.updated_at = '2024-05-15T08:30:01-04:00';

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order).toMatchObject({
        cancelled: true,
        cancelReason: 'customer',
        payment: { status: 'refunded' },
        updatedAt: '2024-05-15T12:30:01.000Z',
      });
    });

    it('ignores a cancel_reason on an order that is not cancelled', () => {
      const payload = anOrder();
      payload.cancel_reason = 'other';
      const order = mapped(mapShopifyOrder(payload, NO_MAP));
      expect(order.cancelled).toBe(false);
      expect(order).not.toHaveProperty('cancelReason');
    });

    it('gives updatedAt in UTC, so deliveries in different offsets compare as strings', () => {
      // Prepare
      const earlier = anOrder();
      earlier.updated_at = '2024-05-14T10:12:45-04:00';
      const later = anOrder();
      later.updated_at = '2024-05-14T15:12:46+01:00';

      // Act
      const [a, b] = [earlier, later].map((p) => mapped(mapShopifyOrder(p, NO_MAP)).updatedAt!);

      // Assess
      expect(a < b).toBe(true);
    });
  });

  describe('order reference', () => {
    it('reads the reference from admin_graphql_api_id, which JSON numbers cannot round', () => {
      // Prepare: the id as a JSON parser rounds 820982911946154508
      const payload = anOrder();
      payload.id = 820982911946154500;
      payload.admin_graphql_api_id = 'gid://shopify/Order/820982911946154508';

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.externalRef).toBe('820982911946154508');
    });

    it('falls back to id when there is no GraphQL id, and refuses an id that is not exact', () => {
      const payload = anOrder();
      delete payload.admin_graphql_api_id;
      expect(mapped(mapShopifyOrder(payload, NO_MAP)).externalRef).toBe('5812345678901');

      payload.id = 820982911946154500;
      expect(problemsOf(mapShopifyOrder(payload, NO_MAP))).toEqual([
        'id 820982911946154500 is not an exact order id and admin_graphql_api_id is missing',
      ]);
    });
  });

  describe('buyer and addresses', () => {
    it('finds the buyer without a customer object, from contact_email and the billing address', () => {
      // Prepare: newer API versions may leave customer details out
      const payload = anOrder();
      payload.customer = null;
      payload.email = null;

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.buyer).toEqual({
        email: 'purchasing@northwind-industrial.example',
        name: 'Mei Chen',
        company: 'Northwind Industrial Supply Ltd.',
        phone: '+1 604-555-0142',
        country: 'CA',
      });
    });

    it('ships digital goods to the billing address', () => {
      // Prepare
      const payload = anOrder();
      payload.shipping_address = null;

      // Act
      const order = mapped(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(order.shippingAddress).toEqual({
        name: 'Mei Chen',
        line1: '1055 West Georgia Street',
        line2: 'Suite 1800',
        city: 'Vancouver',
        postalCode: 'V6E 3P3',
        region: 'BC',
        country: 'CA',
      });
    });

    it('reports an order with neither address, and the buyer country it lacks then', () => {
      // Prepare
      const payload = anOrder();
      payload.shipping_address = null;
      delete payload.billing_address;
      payload.customer = null;

      // Act
      const problems = problemsOf(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'the order has no buyer name: customer.first_name/last_name, billing_address.name, shipping_address.name are empty',
        'the order has no buyer country: billing_address.country_code, shipping_address.country_code, customer.default_address.country_code are empty',
        'the order has neither a shipping nor a billing address',
      ]);
    });

    it('names the missing parts of an incomplete address and an unknown country code', () => {
      // Prepare
      const incomplete = anOrder();
      incomplete.shipping_address = { ...incomplete.shipping_address, address1: ' ', city: null };
      const unknownCountry = anOrder();
      unknownCountry.shipping_address = { ...unknownCountry.shipping_address, country_code: 'XX' };

      // Act
      const a = problemsOf(mapShopifyOrder(incomplete, NO_MAP));
      const b = problemsOf(mapShopifyOrder(unknownCountry, NO_MAP));

      // Assess
      expect(a).toEqual(['shipping_address has no address1, no city']);
      expect(b).toEqual([
        'shipping_address.country_code "XX" is not an ISO 3166-1 alpha-2 country code such as DE or CN',
      ]);
    });

    it('reports a missing or malformed buyer email', () => {
      const none = anOrder();
      none.email = null;
      none.contact_email = '';
      none.customer = { ...none.customer, email: null };
      const malformed = anOrder();
      malformed.email = 'purchasing at northwind';

      expect(problemsOf(mapShopifyOrder(none, NO_MAP))).toEqual([
        'the order has no buyer email: email, contact_email, customer.email are empty',
      ]);
      expect(problemsOf(mapShopifyOrder(malformed, NO_MAP))).toEqual([
        'email "purchasing at northwind" is not an email address',
      ]);
    });
  });

  describe('problems instead of exceptions', () => {
    it('names each line without a SKU', () => {
      // Prepare
      const payload = anOrder();
      payload.line_items[0].sku = null;
      payload.line_items[1].sku = '  ';
      payload.line_items[1].name = null;
      payload.line_items[1].title = null;

      // Act
      const problems = problemsOf(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual(['line "Brass ball valve DN50 - PN16" has no SKU', 'line 2 has no SKU']);
    });

    it('reports every bad amount and quantity at once', () => {
      // Prepare
      const payload = anOrder();
      payload.total_price = '5.909,64';
      payload.line_items[0].price = 'abc';
      payload.line_items[0].discount_allocations = [{ amount: '1.005' }];
      payload.line_items[1].quantity = 0;

      // Act
      const problems = problemsOf(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'line "Brass ball valve DN50 - PN16" price "abc" is not an amount',
        'line "Brass ball valve DN50 - PN16" discount_allocations amount "1.005" is not a USD amount: USD amounts have at most 2 decimal places; got "1.005"',
        'line "Centrifugal pump 3 kW - 400 V" quantity 0 is not a whole number above 0',
        'total_price "5.909,64" is not an amount',
      ]);
    });

    it('reports an unknown currency and still checks the rest', () => {
      // Prepare
      const payload = anOrder();
      payload.currency = 'XBT';
      payload.line_items[0].sku = '';

      // Act
      const problems = problemsOf(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'currency "XBT" is not an ISO 4217 currency code such as USD or EUR',
        'line "Brass ball valve DN50 - PN16" has no SKU',
      ]);
    });

    it('reports an order without line items', () => {
      const payload = anOrder();
      payload.line_items = [];
      expect(problemsOf(mapShopifyOrder(payload, NO_MAP))).toEqual(['the order has no line items']);
    });

    it('reports fields of the wrong type by their path in the payload', () => {
      // Prepare
      const payload = {
        ...anOrder(),
        total_price: 5909.64,
        name: undefined,
        line_items: [{ ...base.line_items[0], quantity: '200' }],
      };

      // Act
      const problems = problemsOf(mapShopifyOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'name is missing',
        'total_price must be a string; got 5909.64',
        'line_items.0.quantity must be a number; got "200"',
      ]);
    });

    it.each([
      [null, 'the body must be a JSON object'],
      ['webhook_id=17', 'the body must be a JSON object'],
      [[], 'the body must be a JSON object'],
    ])('refuses a body that is not an order object (%p)', (payload, problem) => {
      expect(problemsOf(mapShopifyOrder(payload, NO_MAP))).toEqual([problem]);
    });
  });
});
