import type { EventType } from '../../../shared/contracts/events';
import type { Order } from '../../../shared/domain/order';
import {
  BUYER_EMAIL_TYPES,
  type BuyerEmailInput,
  type BuyerEmailType,
  type BuyerLinks,
} from '../../../shared/email/buyer-catalog';
import { BUYER_CATALOGS } from '../../../shared/email/buyer-emails';
import { formatterFor } from '../../../shared/email/format';
import { type Block, type EmailContent, renderEmail } from '../../../shared/email/layout';
import { LANGUAGES } from '../../../shared/locale/language';
import { API_BASE, customer, event, order, TRACKING_TOKEN } from '../use-cases/notifications/world';

/**
 * The one catalog of buyer emails: every language has every email type, and each of its emails
 * tells every fact the English one tells (same blocks, same rows, same links, same figures and
 * references), in its own words. Each case below is one branch of a template.
 */

const page = `${API_BASE}/track/${TRACKING_TOKEN}`;
const noDocuments: BuyerLinks = { trackingPage: page, documents: [] };
const withDocuments: BuyerLinks = {
  trackingPage: page,
  documents: [
    { kind: 'commercial-invoice', number: 'CI-2026-000123', url: `${page}/documents/commercial-invoice` },
    { kind: 'packing-list', number: 'PL-2026-000123', url: `${page}/documents/packing-list` },
  ],
};
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
const eur = (amount: string) => ({ amount, currency: 'EUR' });

interface Case {
  name: string;
  type: BuyerEmailType;
  detail?: Record<string, unknown>;
  order?: Partial<Order>;
  links?: BuyerLinks;
}

const CASES: Case[] = [
  { name: 'held for review', type: 'CreditHeld' },
  { name: 'rejected', type: 'OrderRejected' },
  { name: 'confirmed TT', type: 'OrderConfirmed' },
  {
    name: 'confirmed OA',
    type: 'OrderConfirmed',
    order: { paymentTerms: { type: 'OA', netDays: 60 } },
    detail: {
      paymentTerms: 'OA net 60',
      installments: [
        { kind: 'full', amount: eur('6099.60'), dueOn: '60 days after delivery', label: 'Open account' },
      ],
    },
  },
  { name: 'deposit received', type: 'DepositReceived' },
  { name: 'payment received', type: 'PaymentReceived' },
  {
    name: 'overpaid',
    type: 'PaymentReceived',
    detail: { outstanding: eur('0.00'), overpayment: eur('150.00'), paid: eur('6249.60') },
  },
  {
    name: 'shipped, documents issued',
    type: 'ShipmentDispatched',
    order: { shipment },
    links: withDocuments,
  },
  { name: 'shipped, documents not yet issued', type: 'ShipmentDispatched', order: { shipment } },
  {
    name: 'shipped by air, no carrier link',
    type: 'ShipmentDispatched',
    detail: { mode: 'AIR', trackingUrl: undefined },
  },
  ...['DELAYED', 'DAMAGED', 'LOST', 'CUSTOMS_HOLD', 'SOMETHING_ELSE'].map(
    (exception): Case => ({
      name: `exception ${exception}`,
      type: 'ShipmentExceptionOpened',
      detail: { exception },
      order: { shipment },
    }),
  ),
  {
    name: 'customs hold under DDP',
    type: 'ShipmentExceptionOpened',
    detail: { exception: 'CUSTOMS_HOLD' },
    order: { incoterm: { code: 'DDP', place: 'Hamburg' } },
  },
  {
    name: 'delivered, rest due',
    type: 'OrderDelivered',
    order: {
      paymentDueAt: '2027-03-21T14:30:00.000Z',
      delivery: {
        deliveredAt: '2027-01-20T14:30:00.000Z',
        receivedBy: 'J. Weber',
        recordedAt: '2027-01-20T15:00:00.000Z',
      },
    },
  },
  { name: 'delivered, paid', type: 'OrderDelivered', order: { paid: { currency: 'EUR', minor: 609960 } } },
  // Partial shipments: each shipment's emails name it (shipment 2 of the order), in every language.
  {
    name: 'shipment 1 of an order shipped in parts, the rest to come',
    type: 'ShipmentDispatched',
    detail: {
      shipmentNo: 1,
      lines: [{ sku: 'VALVE-DN50', quantity: 120 }],
      backorder: [{ sku: 'VALVE-DN50', quantity: 80 }],
    },
    order: { shipment, allowPartialShipments: true },
    links: withDocuments,
  },
  {
    name: 'the last shipment of an order shipped in parts',
    type: 'ShipmentDispatched',
    detail: { shipmentNo: 2, lines: [{ sku: 'VALVE-DN50', quantity: 80 }], backorder: [] },
    order: { allowPartialShipments: true },
  },
  {
    name: 'exception on shipment 2',
    type: 'ShipmentExceptionOpened',
    detail: { exception: 'DELAYED', shipmentNo: 2 },
    order: { shipment, allowPartialShipments: true },
  },
  { name: 'shipment 1 delivered, the order not complete', type: 'ShipmentDelivered' },
  {
    name: 'delivered with its last shipment',
    type: 'OrderDelivered',
    detail: { shipmentNo: 2 },
    order: { allowPartialShipments: true },
  },
  { name: 'payment due', type: 'PaymentDue' },
  { name: 'payment overdue', type: 'PaymentOverdue' },
  { name: 'cancelled with refund', type: 'OrderCancelled' },
  { name: 'cancelled, nothing paid', type: 'OrderCancelled', detail: { refundDue: eur('0.00') } },
];

/** The figures and references of the fixtures: whatever the English email shows of these, every language shows. */
const FACTS = [
  'ord_01JNOTIFY0000000000000000',
  'PO-2026-0042',
  'VALVE-DN50',
  'BANK-REF-77',
  'Maersk',
  'MAEU123456789',
  'MSKU7654321',
  'https://track.example/MSKU7654321',
  'Port Klang',
  'J. Weber',
  'CI-2026-000123',
  'PL-2026-000123',
  'FOB Shanghai',
  'sku VALVE-DN50 is not sold',
  'buyer withdrew',
];

/** One formatter for both languages, so a figure is written the same and can be compared. */
const fmt = formatterFor('en');

function content(language: (typeof LANGUAGES)[number], c: Case): EmailContent {
  const ev = event(c.type as EventType, c.detail as never);
  const input = {
    detail: ev.detail,
    order: order(c.order),
    customer: customer(),
    fmt,
    links: c.links ?? noDocuments,
  } as unknown as BuyerEmailInput<BuyerEmailType>;
  const template = BUYER_CATALOGS[language].templates[c.type] as (i: typeof input) => EmailContent;
  return template(input);
}

/** The shape of an email: its blocks, how many rows or items each has, and where each row links. */
function skeleton(blocks: Block[]) {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'facts':
        return { kind: block.kind, rows: block.facts.map((fact) => fact.href ?? '-') };
      case 'list':
        return { kind: block.kind, items: block.items.length };
      case 'lines':
        return { kind: block.kind, lines: block.lines.length };
      default:
        return { kind: block.kind };
    }
  });
}

/** Money and dates as the shared formatter writes them ("EUR 6,099.60", "Dec 1, 2026"). */
const FIGURES = /[A-Z]{3} [\d,]+(?:\.\d+)?|[A-Z][a-z]{2} \d{1,2}, \d{4}/g;
const HAN = /\p{Script=Han}/u;

describe('the buyer email catalog', () => {
  it('has every buyer language, each with a template for every email type the rule routes', () => {
    // Assess
    expect(Object.keys(BUYER_CATALOGS).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      expect(BUYER_CATALOGS[language].language).toBe(language);
      expect(Object.keys(BUYER_CATALOGS[language].templates).sort()).toEqual([...BUYER_EMAIL_TYPES].sort());
    }
  });

  it('covers every email type with at least one case here', () => {
    // Assess
    expect(new Set(CASES.map((c) => c.type))).toEqual(new Set(BUYER_EMAIL_TYPES));
  });

  describe.each(LANGUAGES.filter((language) => language !== 'en'))('%s against English', (language) => {
    it.each(CASES.map((c) => [c.name, c] as const))('%s: the same blocks, rows and links', (_name, c) => {
      // Act
      const english = content('en', c);
      const other = content(language, c);

      // Assess
      expect(skeleton(other.blocks)).toEqual(skeleton(english.blocks));
    });

    it.each(CASES.map((c) => [c.name, c] as const))(
      '%s: every figure and reference of the English email',
      (_name, c) => {
        // Prepare
        const english = renderEmail(content('en', c));
        const other = renderEmail(content(language, c));

        // Act
        const figures = [...new Set(`${english.subject}\n${english.text}`.match(FIGURES) ?? [])];
        const references = FACTS.filter((fact) => english.text.includes(fact));

        // Assess
        for (const figure of figures) expect(`${other.subject}\n${other.text}`).toContain(figure);
        for (const reference of references) expect(other.text).toContain(reference);
        expect(figures.length + references.length).toBeGreaterThan(0);
      },
    );

    it.each(CASES.map((c) => [c.name, c] as const))(
      '%s: in its own words, nothing left in English',
      (_name, c) => {
        // Act
        const other = content(language, c);

        // Assess: the subject, every sentence and every row label are written in the language
        expect(other.subject).toMatch(HAN);
        for (const block of other.blocks) {
          if (block.kind === 'paragraph') expect(block.text).toMatch(HAN);
          if (block.kind === 'facts') for (const fact of block.facts) expect(fact.label).toMatch(HAN);
        }
        const catalog = BUYER_CATALOGS[language];
        expect([catalog.opening(customer()), ...catalog.closing, catalog.trackingPage].join('')).toMatch(HAN);
      },
    );
  });
});
