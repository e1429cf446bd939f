import type { EventType } from '../../../../shared/contracts/events';
import { parseAmount } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { BUYER_EMAIL_TYPES } from '../../../../shared/email/buyer-catalog';
import { catalogFor, renderBuyerEmail } from '../../../../shared/email/buyer-emails';
import { formatterFor, resolveLocale } from '../../../../shared/email/format';
import { API_BASE, customer, event, lastSent, ORDER_ID, order, TRACKING_TOKEN, world } from './world';

const links = { trackingPage: `${API_BASE}/track/${TRACKING_TOKEN}`, documents: [] };

const shipment = {
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: 'MAEU123456789',
  trackingNumber: 'MSKU7654321',
  trackingUrl: 'https://track.example/MSKU7654321',
  etd: '2026-12-01',
  eta: '2027-01-05',
  portOfLoading: 'Shanghai',
  portOfDischarge: 'Hamburg',
  dispatchedAt: '2026-12-01T08:00:00.000Z',
};

async function emailFor<T extends EventType>(
  type: T,
  detail: Parameters<typeof event<T>>[1] = {},
  setup: { order?: Order; language?: string } = {},
) {
  const w = world({ order: setup.order, customer: customer({ language: setup.language ?? 'en' }) });
  await expect(w.notifyBuyer(event(type, detail))).resolves.toBe('sent');
  return lastSent(w.mailer);
}

describe('buyer emails: each change tells the buyer its key facts', () => {
  it('order held for review: received, with the lines, the total, the Incoterm and the buyer PO, and no credit talk', async () => {
    // Act
    const email = await emailFor('CreditHeld');

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID} received`);
    expect(email.to).toEqual(['ana@hamburg-tools.example']);
    expect(email.text).toContain('Dear Ana Buyer,');
    expect(email.text).toContain('200 × VALVE-DN50 at EUR 12.50: EUR 2,500.00');
    expect(email.text).toContain('Total: EUR 6,099.60');
    expect(email.text).toContain('FOB Shanghai (Incoterms 2020)');
    expect(email.text).toContain('your PO PO-2026-0042');
    expect(email.html).toContain('<li>4 × PUMP-3KW at EUR 899.90: EUR 3,599.60</li>');
    expect(email.text).not.toMatch(/credit|limit|1,099\.60/i);
  });

  it('order rejected: every reason', async () => {
    // Act
    const email = await emailFor('OrderRejected');

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID} could not be accepted`);
    expect(email.text).toContain('- sku VALVE-DN50 is not sold\n- ship-to country is embargoed');
    expect(email.html).toContain('<li>ship-to country is embargoed</li>');
  });

  it('order confirmed: each installment with its label, amount and when due, the terms and the Incoterm', async () => {
    // Act
    const email = await emailFor('OrderConfirmed');

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID} confirmed`);
    expect(email.text).toContain('30% deposit on confirmation: EUR 1,829.88, due on confirmation');
    expect(email.text).toContain('70% balance before shipment: EUR 4,269.72, due before shipment');
    expect(email.text).toContain('Payment terms: TT 30/70');
    expect(email.text).toContain('Incoterm: FOB Shanghai (Incoterms 2020)');
    expect(email.text).toContain('Total: EUR 6,099.60');
    expect(email.html).toContain(
      '<th align="left" valign="top">30% deposit on confirmation</th><td>EUR 1,829.88, due on confirmation</td>',
    );
  });

  it('order confirmed on open account: due days after delivery', async () => {
    // Act
    const email = await emailFor('OrderConfirmed', {
      paymentTerms: 'OA net 60',
      installments: [
        {
          kind: 'full',
          amount: { amount: '6099.60', currency: 'EUR' },
          dueOn: '60 days after delivery',
          label: 'Open account, net 60 days after delivery',
        },
      ],
    });

    // Assess
    expect(email.text).toContain(
      'Open account, net 60 days after delivery: EUR 6,099.60, due 60 days after delivery',
    );
  });

  it('deposit received: what was paid and what is still to pay', async () => {
    // Act
    const email = await emailFor('DepositReceived');

    // Assess
    expect(email.subject).toBe(`Deposit received for order ${ORDER_ID}`);
    expect(email.text).toContain('Received so far: EUR 1,829.88');
    expect(email.text).toContain('Still to pay: EUR 4,269.72');
  });

  it('payment received: the amount, the reference, what is paid and what is still owed', async () => {
    // Act
    const email = await emailFor('PaymentReceived');

    // Assess
    expect(email.subject).toBe(`Payment received for order ${ORDER_ID}`);
    expect(email.text).toContain('This payment: EUR 2,000.00');
    expect(email.text).toContain('Reference: BANK-REF-77');
    expect(email.text).toContain('Paid so far: EUR 2,000.00');
    expect(email.text).toContain('Still to pay: EUR 4,099.60');
    expect(email.text).not.toContain('more than the order total');
  });

  it('payment received beyond the total: paid in full, and the overpayment to be refunded or credited', async () => {
    // Act
    const email = await emailFor('PaymentReceived', {
      amount: { amount: '6249.60', currency: 'EUR' },
      paid: { amount: '6249.60', currency: 'EUR' },
      outstanding: { amount: '0.00', currency: 'EUR' },
      overpayment: { amount: '150.00', currency: 'EUR' },
    });

    // Assess
    expect(email.text).toContain('Still to pay: nothing: the order is paid in full');
    expect(email.text).toContain('You have paid EUR 150.00 more than the order total');
  });

  it('shipped: carrier, the transport document by name and number, tracking number and link, ETD/ETA, ports', async () => {
    // Act
    const email = await emailFor('ShipmentDispatched', {}, { order: order({ shipment }) });

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID} has shipped`);
    expect(email.text).toContain('is on its way by sea');
    expect(email.text).toContain('Carrier: Maersk');
    expect(email.text).toContain('Bill of lading (B/L): MAEU123456789');
    expect(email.text).toContain('Tracking number: MSKU7654321');
    expect(email.text).toContain('Track it: https://track.example/MSKU7654321?lang=en&x=1');
    expect(email.text).toContain('Departure (ETD): Dec 1, 2026');
    expect(email.text).toContain('Estimated arrival (ETA): Jan 5, 2027');
    expect(email.text).toContain('Port of loading: Shanghai');
    expect(email.text).toContain('Port of discharge: Hamburg');
    expect(email.html).toContain('<a href="https://track.example/MSKU7654321?lang=en&#38;x=1">');
  });

  it.each([
    ['AIR', 'Air waybill (AWB): 176-12345675'],
    ['ROAD', 'CMR consignment note: 176-12345675'],
    ['RAIL', 'CIM consignment note: 176-12345675'],
  ])('shipped by %s: names its transport document', async (mode, expected) => {
    // Act
    const email = await emailFor('ShipmentDispatched', { mode, transportDocumentNo: '176-12345675' });

    // Assess
    expect(email.text).toContain(expected);
  });

  it.each([
    ['DELAYED', 'your shipment is delayed', 'The new estimated arrival is Jan 19, 2027'],
    ['DAMAGED', 'damage reported on your shipment', 'replacement or a claim'],
    ['LOST', 'your shipment is missing', 'tracing it with the carrier'],
    ['CUSTOMS_HOLD', 'your shipment is held by customs', 'Under FOB import clearance is on your side'],
  ])('shipment exception %s: what it means for the buyer', async (exception, subject, meaning) => {
    // Act
    const email = await emailFor('ShipmentExceptionOpened', { exception }, { order: order({ shipment }) });

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID}: ${subject}`);
    expect(email.text).toContain(meaning);
    expect(email.text).toContain('Reported at: Port Klang');
    expect(email.text).toContain('Estimated arrival (ETA): Jan 19, 2027');
  });

  it('a customs hold under DDP: we clear the goods', async () => {
    // Act
    const email = await emailFor(
      'ShipmentExceptionOpened',
      { exception: 'CUSTOMS_HOLD' },
      { order: order({ incoterm: { code: 'DDP', place: 'Hamburg' } }) },
    );

    // Assess
    expect(email.text).toContain('Under DDP we handle import clearance');
  });

  it('delivered: when, and what is still owed on open account with its due date', async () => {
    // Prepare
    const onAccount = order({
      paymentTerms: { type: 'OA', netDays: 60 },
      paymentDueAt: '2027-03-21T14:30:00.000Z',
      delivery: {
        deliveredAt: '2027-01-20T14:30:00.000Z',
        receivedBy: 'J. Weber',
        recordedAt: '2027-01-20T15:00:00.000Z',
      },
    });

    // Act
    const email = await emailFor('OrderDelivered', {}, { order: onAccount });

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID} delivered`);
    expect(email.text).toContain('was delivered on Jan 20, 2027, received by J. Weber');
    expect(email.text).toContain('The remaining EUR 6,099.60 is due by Mar 21, 2027');
  });

  it('delivered when paid in full: nothing more is asked', async () => {
    // Act
    const email = await emailFor(
      'OrderDelivered',
      {},
      { order: order({ paid: parseAmount('6099.60', 'EUR') }) },
    );

    // Assess
    expect(email.text).not.toContain('remaining');
  });

  it('payment due: the amount and the due date', async () => {
    // Act
    const email = await emailFor('PaymentDue');

    // Assess
    expect(email.subject).toBe(`Payment due for order ${ORDER_ID}: EUR 4,269.72`);
    expect(email.text).toContain('Amount due: EUR 4,269.72');
    expect(email.text).toContain('Due by: Dec 20, 2026');
    expect(email.text).toContain(`Payment reference: ${ORDER_ID}`);
  });

  it('cancelled: the reason and the refund of what was paid', async () => {
    // Act
    const email = await emailFor('OrderCancelled');

    // Assess
    expect(email.subject).toBe(`Order ${ORDER_ID} cancelled`);
    expect(email.text).toContain('Reason: buyer withdrew');
    expect(email.text).toContain('You have paid EUR 1,829.88 towards this order. We will refund it');
  });

  it('cancelled before any payment: nothing to refund', async () => {
    // Act
    const email = await emailFor('OrderCancelled', { refundDue: { amount: '0.00', currency: 'EUR' } });

    // Assess
    expect(email.text).toContain('there is nothing to refund');
    expect(email.text).not.toContain('We will refund');
  });

  it('has an English template for every type the buyer rule routes', () => {
    // Assess
    expect(Object.keys(catalogFor('en').templates).sort()).toEqual([...BUYER_EMAIL_TYPES].sort());
  });
});

describe('buyer emails: safe HTML', () => {
  it('escapes what people typed: the name, the PO, reasons, carrier text', () => {
    // Prepare
    const hostile = customer({ name: '<script>alert("x")</script> & Co' });
    const poisoned = order({ buyerPo: '<b>PO</b>' });
    const rejected = event('OrderRejected', { reasons: ['<img src=x onerror=alert(1)>'] });

    // Act
    const email = renderBuyerEmail(rejected, poisoned, hostile, links);

    // Assess
    expect(email.html).not.toMatch(/<script|<img|<b>/);
    expect(email.html).toContain('Dear &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co,');
    expect(email.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(email.text).toContain('your PO <b>PO</b>');
  });

  it('links only http(s) tracking URLs', () => {
    // Prepare
    const shipped = event('ShipmentDispatched', { trackingUrl: 'javascript:alert(1)' });

    // Act
    const email = renderBuyerEmail(shipped, order(), customer(), links);

    // Assess
    expect(email.html).not.toContain('javascript:');
    expect(email.html.match(/<a /g)).toEqual(['<a ']); // the tracking page's link only
    expect(email.text).toContain('Tracking number: MSKU7654321');
  });

  it('keeps a subject on one line', () => {
    // Act
    const email = renderBuyerEmail(
      event('CreditHeld'),
      order({ orderId: 'ord_1\r\nBcc: x@example.com' }),
      customer(),
      links,
    );

    // Assess
    expect(email.subject).toBe('Order ord_1 Bcc: x@example.com received');
  });
});

describe("buyer emails: amounts and dates in the customer's locale", () => {
  it('formats for a German buyer while the words stay English', async () => {
    // Act
    const email = await emailFor('ShipmentDispatched', {}, { language: 'de' });

    // Assess
    expect(email.text).toContain('Dear Ana Buyer,');
    expect(email.text).toContain('Departure (ETD): 01.12.2026');
  });

  it('formats amounts for the locale, exactly, with the currency code', () => {
    // Assess
    expect(formatterFor('de').money(parseAmount('6099.60', 'EUR'))).toBe('6.099,60 EUR');
    expect(formatterFor('en').money({ amount: '9007199254740.99', currency: 'USD' })).toBe(
      'USD 9,007,199,254,740.99',
    );
    expect(formatterFor('en').money({ amount: '12345', currency: 'JPY' })).toBe('JPY 12,345');
    expect(formatterFor('en').money({ amount: '1.250', currency: 'KWD' })).toBe('KWD 1.250');
    expect(formatterFor('zh-CN').date('2026-12-01')).toBe('2026年12月1日');
  });

  it('falls back to English for a language the runtime or the catalogs do not know', () => {
    // Assess
    expect(resolveLocale('qq')).toBe('en');
    expect(resolveLocale('not a tag')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(catalogFor('de')).toBe(catalogFor('en'));
    expect(formatterFor('en').date('next tuesday')).toBe('next tuesday');
  });
});
