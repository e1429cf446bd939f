import type { WooCommerceOrder } from '../../../shared/contracts/storefronts/woocommerce-order';
import type { StorefrontMappingResult, StorefrontOrder } from '../../../shared/storefronts/storefront-order';
import { mapWooCommerceOrder } from '../../../shared/storefronts/woocommerce-order-mapping';
import fixture from '../../fixtures/storefronts/woocommerce-order.json';

const base: WooCommerceOrder = fixture;
const NO_MAP = { skuMap: {} };
const BLANK_ADDRESS = {
  first_name: '',
  last_name: '',
  company: '',
  address_1: '',
  address_2: '',
  city: '',
  state: '',
  postcode: '',
  country: '',
  phone: '',
};

/** A fresh copy of the fixture order (order.created, processing and paid), to tweak. */
function anOrder(): WooCommerceOrder {
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

describe('WooCommerce order mapping', () => {
  it('maps every field of an order.created delivery', () => {
    // Act
    const result = mapWooCommerceOrder(fixture, NO_MAP);

    // Assess
    expect(result).toEqual({
      ok: true,
      order: {
        platform: 'woocommerce',
        externalRef: '4127',
        externalName: '4127',
        buyer: {
          email: 'einkauf@mueller-haustechnik.example',
          name: 'Hans Müller',
          company: 'Müller Haustechnik GmbH',
          phone: '+49 40 5550 1234',
          country: 'DE',
        },
        currency: 'EUR',
        lines: [
          { sku: 'WC-BV-50', quantity: 200, unitPrice: '11.25', title: 'Messing-Kugelhahn DN50' },
          { sku: 'PUMP-3KW', quantity: 4, unitPrice: '809.91', title: 'Kreiselpumpe 3 kW - 400 V' },
        ],
        shippingAddress: {
          name: 'Warenannahme Tor 3',
          line1: 'Hafenstraße 12',
          line2: 'Halle B',
          city: 'Bremerhaven',
          postalCode: '27568',
          country: 'DE',
        },
        note: 'Bitte palettiert liefern; Stapler vorhanden.',
        total: '5909.64',
        payment: { status: 'paid', paidAmount: '5909.64', paidAt: '2024-06-03T09:02:19.000Z' },
        cancelled: false,
        updatedAt: '2024-06-03T09:02:19.000Z',
      },
    });
  });

  it('prices lines from their discounted total, so they add up to the goods after coupons', () => {
    // Act
    const order = mapped(mapWooCommerceOrder(fixture, NO_MAP));

    // Assess: total 5909.64 = goods 5489.64 + shipping 420.00 (the trade10 coupon took 609.96)
    const cents = order.lines.reduce((sum, l) => sum + l.quantity * Math.round(Number(l.unitPrice) * 100), 0);
    expect(cents).toBe(5909_64 - 420_00);
  });

  it('rounds a line total that does not divide by its quantity to the cent, half up', () => {
    // Prepare: WooCommerce's own price would be the float 3.3333333333
    const payload = anOrder();
    payload.line_items[0] = {
      ...payload.line_items[0],
      quantity: 3,
      subtotal: '12.00',
      total: '10.00',
      price: 3.3333333333,
    };

    // Act
    const order = mapped(mapWooCommerceOrder(payload, NO_MAP));

    // Assess
    expect(order.lines[0].unitPrice).toBe('3.33');
  });

  it('replaces shop SKUs through the skuMap, combining lines that become one', () => {
    // Prepare
    const payload = anOrder();
    payload.line_items.push({
      ...payload.line_items[0],
      id: 916,
      sku: 'WC-BV-50-B',
      quantity: 40,
      total: '450.00',
    });

    // Act
    const order = mapped(
      mapWooCommerceOrder(payload, { skuMap: { 'WC-BV-50': 'VALVE-DN50', 'WC-BV-50-B': 'VALVE-DN50' } }),
    );

    // Assess
    expect(order.lines.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice }))).toEqual([
      { sku: 'VALVE-DN50', quantity: 240, unitPrice: '11.25' },
      { sku: 'PUMP-3KW', quantity: 4, unitPrice: '809.91' },
    ]);
  });

  it('accepts an order number sent as a number by an order-number plugin', () => {
    const payload = { ...anOrder(), number: 20240603 };
    expect(mapped(mapWooCommerceOrder(payload, NO_MAP)).externalName).toBe('20240603');
  });

  describe('payment and cancellation', () => {
    it.each([
      ['pending', { status: 'unpaid' }],
      ['on-hold', { status: 'unpaid' }],
      ['failed', { status: 'unpaid' }],
      ['checkout-draft', { status: 'unpaid' }],
      ['processing', { status: 'paid', paidAmount: '5909.64', paidAt: '2024-06-03T09:02:19.000Z' }],
      ['completed', { status: 'paid', paidAmount: '5909.64', paidAt: '2024-06-03T09:02:19.000Z' }],
      ['refunded', { status: 'refunded' }],
    ])('maps status %s', (status, payment) => {
      // Prepare
      const payload = anOrder();
      payload.status = status;

      // Act
      const order = mapped(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(order.payment).toEqual(payment);
      expect(order.cancelled).toBe(false);
    });

    it('maps a cancelled order, unpaid and with no reason (WooCommerce records none)', () => {
      // Prepare
      const payload = anOrder();
      payload.status = 'cancelled';
      payload.date_paid_gmt = null;
      payload.date_modified_gmt = '2024-06-04T07:15:00';

      // Act
      const order = mapped(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(order).toMatchObject({
        cancelled: true,
        payment: { status: 'unpaid' },
        updatedAt: '2024-06-04T07:15:00.000Z',
      });
      expect(order).not.toHaveProperty('cancelReason');
    });

    it('leaves paidAt out when a paid order has no payment date', () => {
      const payload = anOrder();
      payload.date_paid_gmt = null;
      expect(mapped(mapWooCommerceOrder(payload, NO_MAP)).payment).toEqual({
        status: 'paid',
        paidAmount: '5909.64',
      });
    });

    it('reports a payment date that is not a date', () => {
      const payload = anOrder();
      payload.date_paid_gmt = '03.06.2024';
      expect(problemsOf(mapWooCommerceOrder(payload, NO_MAP))).toEqual([
        'date_paid_gmt "03.06.2024" is not a date and time',
      ]);
    });
  });

  describe('addresses', () => {
    it('ships digital goods to the billing address when the shipping address is blank', () => {
      // Prepare: WooCommerce sends an all-blank shipping object rather than none
      const payload = anOrder();
      payload.shipping = BLANK_ADDRESS;

      // Act
      const order = mapped(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(order.shippingAddress).toEqual({
        name: 'Hans Müller',
        line1: 'Große Elbstraße 145',
        city: 'Hamburg',
        postalCode: '22767',
        country: 'DE',
      });
      expect(order.buyer.phone).toBe('+49 40 5550 1234');
    });

    it('reports an order with neither address', () => {
      // Prepare: a checkout that asked for the email only
      const payload = anOrder();
      payload.shipping = BLANK_ADDRESS;
      payload.billing = { ...BLANK_ADDRESS, first_name: 'Hans', email: 'hans@example.de' };

      // Act
      const problems = problemsOf(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'the order has no buyer country: billing.country, shipping.country are empty',
        'the order has neither a shipping nor a billing address',
      ]);
    });

    it('names what an address lacks, and a country that is not a code', () => {
      const incomplete = anOrder();
      incomplete.shipping = { ...BLANK_ADDRESS, city: 'Bremerhaven' };
      const named = anOrder();
      named.billing = { ...named.billing, country: 'Germany' };

      expect(problemsOf(mapWooCommerceOrder(incomplete, NO_MAP))).toEqual([
        'shipping has no address_1, no country',
      ]);
      expect(problemsOf(mapWooCommerceOrder(named, NO_MAP))).toEqual([
        'billing.country "Germany" is not an ISO 3166-1 alpha-2 country code such as DE or CN',
      ]);
    });

    it('reports a missing buyer email', () => {
      const payload = anOrder();
      payload.billing = { ...payload.billing, email: '' };
      expect(problemsOf(mapWooCommerceOrder(payload, NO_MAP))).toEqual([
        'the order has no buyer email: billing.email is empty',
      ]);
    });
  });

  describe('problems instead of exceptions', () => {
    it('names each line without a SKU (WooCommerce sends "" or null)', () => {
      // Prepare
      const payload = anOrder();
      payload.line_items[0].sku = '';
      payload.line_items[1].sku = null;

      // Act
      const problems = problemsOf(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'line "Messing-Kugelhahn DN50" has no SKU',
        'line "Kreiselpumpe 3 kW - 400 V" has no SKU',
      ]);
    });

    it('reports bad amounts and quantities, all at once', () => {
      // Prepare
      const payload = anOrder();
      payload.total = '5.909,64';
      payload.line_items[0].total = 'n/a';
      payload.line_items[1].quantity = 1.5;

      // Act
      const problems = problemsOf(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual([
        'line "Messing-Kugelhahn DN50" total "n/a" is not an amount',
        'line "Kreiselpumpe 3 kW - 400 V" quantity 1.5 is not a whole number above 0',
        'total "5.909,64" is not an amount',
      ]);
    });

    it('reports a line total below zero', () => {
      const payload = anOrder();
      payload.line_items[0].total = '-5.00';
      expect(problemsOf(mapWooCommerceOrder(payload, NO_MAP))).toEqual([
        'line "Messing-Kugelhahn DN50" total "-5.00" is below zero',
      ]);
    });

    it('reports a currency that is not ISO 4217', () => {
      // WooCommerce offers a few that are not (IRT, PRB, BTC)
      const payload = anOrder();
      payload.currency = 'PRB';
      expect(problemsOf(mapWooCommerceOrder(payload, NO_MAP))).toEqual([
        'currency "PRB" is not an ISO 4217 currency code such as USD or EUR',
      ]);
    });

    it('reports fields of the wrong type by their path in the payload', () => {
      // Prepare: the price is a float in WooCommerce; a line total must not be
      const payload = {
        ...anOrder(),
        status: undefined,
        line_items: [{ ...base.line_items[0], total: 2250 }],
      };

      // Act
      const problems = problemsOf(mapWooCommerceOrder(payload, NO_MAP));

      // Assess
      expect(problems).toEqual(['status is missing', 'line_items.0.total must be a string; got 2250']);
    });

    it('refuses a ping body handed to the order mapping', () => {
      expect(problemsOf(mapWooCommerceOrder('webhook_id=17', NO_MAP))).toEqual([
        'the body must be a JSON object',
      ]);
    });
  });
});
