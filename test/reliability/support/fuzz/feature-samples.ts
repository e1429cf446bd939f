import { camt053, csvStatement } from '../../../fixtures/bank/statements';
import type { FuzzFixtures, RouteSample } from './route-samples';

/** Well-formed ids and a sku that name nothing: a write to them can only answer 4xx and keep nothing. */
const UNKNOWN_INQUIRY = 'inq_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N';
const UNKNOWN_QUOTE = 'quo_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N';
const UNKNOWN_CUSTOMER = 'cus_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N';
const UNKNOWN_BANK_TRANSACTION = 'btx_0123456789abcdef01234567';
const UNKNOWN_SKU = 'FUZZ-NO-SUCH-SKU';
/** A well-formed staff id that names no one. */
const UNKNOWN_STAFF = 'fuzz_nobody';
/** A tracking link's token (32 base64url characters) that opens no order. */
const UNKNOWN_TRACKING_TOKEN = 'fuzzTrackingToken_opensNothing-0';
/** A quote acceptance link's token (the form it has) that opens no quote. */
const UNKNOWN_QUOTE_TOKEN = 'b6W1y3c0rQ9mS2kq7vZx4A';

const DAY = '2026-04-17';
const entry = {
  ref: 'FUZZ-STMT-0417-01',
  amount: '1829.88',
  remittance: 'Invoice FUZZ-NOTHING-TO-MATCH',
  payer: 'Fuzz Payer GmbH',
  iban: 'DE89370400440532013000',
};
const csv = csvStatement(DAY, [entry]);
const xml = camt053(DAY, [entry]);

/**
 * Statement files that can only be refused: no rows or no header, a column missing, an amount or date
 * that is none, an XML document cut short or that is no camt.053, and entity tricks (XXE, a billion laughs).
 */
const brokenStatements = [
  { contentType: 'text/csv', text: '' },
  { contentType: 'text/csv', text: 'date,amount,currency\n' },
  { contentType: 'text/csv', text: `${DAY},1829.88,EUR\n` },
  { contentType: 'text/csv', text: `date,currency\n${DAY},EUR\n` },
  { contentType: 'text/csv', text: `date,amount,currency\n${DAY},twelve,EUR\n` },
  { contentType: 'text/csv', text: `date,amount,currency\n2026-13-45,12.00,EUR\n` },
  { contentType: 'text/csv', text: `date,amount,currency\n${DAY},12.00,EURO\n` },
  { contentType: 'text/csv; charset=utf-8', text: `date,amount,currency\n${DAY},"12.00,EUR\n` },
  { contentType: 'application/xml', text: xml.slice(0, Math.floor(xml.length / 2)) },
  { contentType: 'text/xml', text: xml.slice(0, -12) },
  { contentType: 'application/xml', text: '<?xml version="1.0"?><Document><Nothing/></Document>' },
  { contentType: 'application/xml', text: 'not xml at all' },
  {
    contentType: 'application/xml',
    text: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>',
  },
  {
    contentType: 'application/xml',
    text:
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><Document>&d;</Document>',
  },
  { contentType: 'application/pdf', text: csv },
];

/**
 * Samples of the routes added with inquiries, the CRM profile, finance, trade documents, the tracking
 * page and quotes (spread into routeSamples). Writes whose body fuzzing could make valid in another
 * way (a nullable field, a longer text) point at unknown things, so refused variants stay refused.
 */
export function newFeatureSamples(fixtures: FuzzFixtures): Record<string, RouteSample> {
  const { customerId, orderId, sku } = fixtures;
  const quote = { id: UNKNOWN_QUOTE };
  const link = { token: UNKNOWN_QUOTE_TOKEN };
  return {
    'POST /inquiries': {
      params: {},
      // No free text: lines are what it asks about, so removing them leaves an inquiry about nothing.
      body: {
        customerId,
        lines: [{ sku, quantity: 50 }],
        targetPrice: { amount: '500.00', currency: 'EUR' },
        destinationCountry: 'DE',
        incoterm: 'CIF',
      },
      required: ['customerId', 'lines', 'lines.0.sku', 'lines.0.quantity'],
    },
    'GET /inquiries/{id}': { params: { id: UNKNOWN_INQUIRY }, required: [] },
    'GET /inquiries': { params: {}, query: { status: 'OPEN', limit: '10' }, required: [] },
    'POST /inquiries/{id}/replies': {
      params: { id: UNKNOWN_INQUIRY },
      body: { subject: 'Your inquiry for valves', message: 'We can ship 50 pcs in March.' },
      required: ['message'],
    },
    'POST /inquiries/{id}/lost': {
      params: { id: UNKNOWN_INQUIRY },
      body: { reason: 'The buyer chose a local supplier' },
      required: ['reason'],
    },
    'GET /customers/{id}': { params: { id: customerId }, required: [] },
    'PATCH /customers/{id}': {
      params: { id: customerId },
      body: {
        version: 1,
        contacts: [{ name: 'Jonas Weber', role: 'Purchasing', phone: '+49 40 123456' }],
        addresses: [{ kind: 'billing', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' }],
        tags: ['key-account'],
      },
      required: ['version', 'contacts.0.name', 'addresses.0.kind', 'addresses.0.line1', 'addresses.0.city'],
    },
    'GET /customers/{id}/communications': {
      params: { id: customerId },
      query: { limit: '10' },
      required: [],
    },
    'POST /customers/{id}/communications': {
      params: { id: customerId },
      body: { kind: 'call', subject: 'Called about the valves order' },
      required: ['kind', 'subject'],
    },
    // Link routes: a browser's pages, refused with a 404 page for a link that opens nothing.
    'GET /track/{token}': { params: { token: UNKNOWN_TRACKING_TOKEN }, required: [] },
    'GET /track/{token}/documents/{kind}': {
      params: { token: UNKNOWN_TRACKING_TOKEN, kind: 'commercial-invoice' },
      // A later shipment's own document (partial shipments).
      query: { shipment: '2' },
      required: [],
    },
    'POST /quotes/{id}/accept': { params: quote, body: { ...link }, required: ['token'] },
    'GET /quotes/{id}/accept': { params: quote, query: link, required: [] },
    'GET /quotes/{id}/proforma': { params: quote, query: link, required: [] },
    'POST /bank-transactions': {
      params: {},
      body: { format: 'csv', content: csv },
      required: ['format', 'content'],
      files: {
        valid: [
          { contentType: 'text/csv', text: csv },
          { contentType: 'application/xml', text: xml },
        ],
        broken: brokenStatements,
      },
    },
    'GET /bank-transactions': { params: {}, query: { status: 'unmatched', limit: '10' }, required: [] },
    'POST /bank-transactions/{id}/match': {
      params: { id: UNKNOWN_BANK_TRANSACTION },
      body: { orderId },
      required: ['orderId'],
    },
    'POST /bank-transactions/{id}/ignore': {
      params: { id: UNKNOWN_BANK_TRANSACTION },
      body: { reason: 'Refund from our freight forwarder' },
      required: ['reason'],
    },
    'GET /receivables': { params: {}, query: { customerId, asOf: DAY }, required: [] },
    'GET /receivables/aging': { params: {}, query: { asOf: DAY }, required: [] },
    'GET /credit/holds': { params: {}, query: { limit: '10' }, required: [] },
    'GET /customers/{id}/credit': { params: { id: customerId }, required: [] },
    // An unknown customer: creditLimit and paymentTerms take null, so a wrong type can be a valid one.
    'PUT /customers/{id}/credit': {
      params: { id: UNKNOWN_CUSTOMER },
      body: {
        version: 1,
        creditLimit: { amount: '80000.00', currency: 'EUR' },
        paymentTerms: { type: 'OA', netDays: 60 },
        note: 'Annual review',
      },
      required: ['version'],
    },
    'GET /settings/exchange-rates': { params: {}, required: [] },
    'PUT /settings/exchange-rates': {
      params: {},
      body: {
        version: 0,
        companyCurrency: 'EUR',
        rates: [{ from: 'EUR', to: 'USD', rate: '1.0842', effectiveFrom: '2026-04-01' }],
      },
      required: [
        'version',
        'companyCurrency',
        'rates',
        'rates.0.from',
        'rates.0.to',
        'rates.0.rate',
        'rates.0.effectiveFrom',
      ],
    },
    'GET /orders/{id}/documents': { params: { id: orderId }, required: [] },
    'GET /orders/{id}/documents/{kind}': {
      params: { id: orderId, kind: 'proforma-invoice' },
      query: { format: 'pdf', shipmentNo: '1' },
      required: [],
    },
    // The fixture order holds no documents back: a retry can only be refused (409).
    'POST /orders/{id}/documents/retry': { params: { id: orderId }, required: [] },
    'GET /settings/company': { params: {}, required: [] },
    'PUT /settings/company': {
      params: {},
      body: {
        version: 0,
        name: 'Fuzz Valve Works Co., Ltd.',
        addressLines: ['88 Harbour Road'],
        country: 'CN',
        registrations: [{ label: 'USCI', value: '91330200MA2XXXXXX1' }],
      },
      required: [
        'version',
        'name',
        'addressLines',
        'addressLines.0',
        'country',
        'registrations.0.label',
        'registrations.0.value',
      ],
    },
    // An unknown sku: every field is optional, so a fix with a field left out is still a fix.
    'PATCH /products/{sku}': {
      params: { sku: UNKNOWN_SKU },
      body: { hsCode: '8481.80', originCountry: 'CN' },
      required: [],
    },
    'POST /quotes': {
      params: {},
      body: {
        customerId,
        currency: 'EUR',
        incoterm: { code: 'CIF', place: 'Hamburg' },
        shippingAddress: { name: 'Fuzz Buyer', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
        lines: [{ sku, quantity: 20 }],
      },
      required: [
        'customerId',
        'incoterm',
        'incoterm.code',
        'incoterm.place',
        'shippingAddress',
        'lines',
        'lines.0',
        'lines.0.sku',
        'lines.0.quantity',
      ],
    },
    'GET /quotes': { params: {}, query: { customerId, limit: '10' }, required: [] },
    'GET /quotes/{id}': { params: quote, required: [] },
    'POST /quotes/{id}/revisions': {
      params: quote,
      body: { lines: [{ sku, quantity: 500 }], reason: 'The buyer doubled the volume' },
      required: ['lines', 'lines.0', 'lines.0.sku', 'lines.0.quantity'],
    },
    'POST /quotes/{id}/approve': {
      params: quote,
      body: { revision: 1, note: 'Strategic account' },
      required: ['revision'],
    },
    'POST /quotes/{id}/send': { params: quote, body: { message: 'Our offer follows.' }, required: [] },
    ...partialShipmentSamples(fixtures),
    'GET /settings/pricing': { params: {}, required: [] },
    'PUT /settings/pricing': {
      params: {},
      body: {
        version: 0,
        targetMarginPercent: 32,
        marginFloorPercent: 18,
        volumeTiers: [{ minQuantity: 100, discountPercent: 2 }],
        priceLists: { [customerId]: { [sku]: { discountPercent: 5 } } },
        rounding: { CHF: { increment: '0.05' } },
      },
      required: ['version', 'volumeTiers.0.minQuantity', 'volumeTiers.0.discountPercent'],
    },
    // The staff directory: the sample adds a member (then its variants answer 200 as stored, 409 for
    // another entry under the id, or 400); language and active have defaults, so they are not required.
    'GET /staff': { params: {}, query: { role: 'sales', active: 'true', limit: '10' }, required: [] },
    'GET /staff/{staffId}': { params: { staffId: UNKNOWN_STAFF }, required: [] },
    // The supplier list and the stock overview (procurement.ts): reads, so fuzzed queries answer 200 or 400.
    'GET /suppliers': { params: {}, query: { limit: '10' }, required: [] },
    'GET /inventory': { params: {}, query: { belowReorderPoint: 'true', limit: '10' }, required: [] },
    'PUT /staff/{staffId}': {
      params: { staffId: 'fuzz_rep' },
      body: { name: 'Fuzz Rep', email: 'fuzz.rep@staff.example', role: 'sales', language: 'zh-CN' },
      required: ['name', 'email', 'role'],
    },
  };
}

/**
 * Partial shipments: the bodies that gained a field. An order that allows them (`allowPartialShipments`)
 * and the staff actions naming a shipment (`shipmentNo`). They replace the core samples of the same
 * routes (route-samples.ts), so the new field is fuzzed too; the fixture order waits for its deposit,
 * so a staff action can only be refused (409) or, with a bad shipmentNo, 400.
 */
function partialShipmentSamples(fixtures: FuzzFixtures): Record<string, RouteSample> {
  const { customerId, orderId, sku } = fixtures;
  const id = { id: orderId };
  return {
    'POST /orders': {
      params: {},
      body: {
        customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: { type: 'TT', depositPercent: 30 },
        lines: [{ sku, quantity: 2, unitPrice: '12.50' }],
        shippingAddress: { name: 'Ana Buyer', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
        buyerPo: 'PO-1',
        allowPartialShipments: true,
      },
      required: [
        'customerId',
        'currency',
        'incoterm',
        'incoterm.code',
        'incoterm.place',
        'paymentTerms',
        'lines',
        'lines.0.sku',
        'lines.0.quantity',
        'lines.0.unitPrice',
        'shippingAddress',
        'shippingAddress.name',
        'shippingAddress.country',
      ],
    },
    'POST /orders/{id}/packing': {
      params: id,
      body: {
        packages: [
          { weightKg: 12.5, lengthCm: 60, widthCm: 40, heightCm: 40, lines: [{ sku, quantity: 2 }] },
        ],
        shipmentNo: 1,
      },
      required: ['packages', 'packages.0.weightKg', 'packages.0.lines', 'packages.0.lines.0.quantity'],
    },
    'POST /orders/{id}/shipment': {
      params: id,
      body: {
        carrier: 'Maersk',
        mode: 'SEA',
        transportDocumentNo: 'MAEU123',
        trackingNumber: 'TRK-1',
        vesselOrFlight: 'MAERSK ESSEX / 245W',
        etd: '2026-12-01',
        eta: '2027-01-10',
        shipmentNo: 1,
      },
      required: ['carrier', 'mode', 'transportDocumentNo', 'trackingNumber', 'etd', 'eta'],
    },
    'POST /orders/{id}/tracking-events': {
      params: id,
      body: { status: 'DEPARTED', at: '2026-12-02T08:00:00Z', location: 'Shanghai', shipmentNo: 1 },
      required: ['status', 'at'],
    },
    'POST /orders/{id}/delivery': {
      params: id,
      body: { deliveredAt: '2027-01-10T09:00:00Z', receivedBy: 'Ana', shipmentNo: 2 },
      required: ['deliveredAt'],
    },
  };
}
