import type { RouteSpec } from '../../../../infra/topology/types';
import { customerBody } from '../../../fixtures/api-bodies';
import { newFeatureSamples } from './feature-samples';

/** What the fuzzed system holds before fuzzing: a customer, an order waiting for its deposit, a product. */
export interface FuzzFixtures {
  customerId: string;
  orderId: string;
  sku: string;
}

/**
 * A request a route accepts (or would, in the right status): the starting point of the near-valid
 * variants. `required` lists the body's fields whose removal can only be refused.
 */
export interface RouteSample {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  required: string[];
  /**
   * A route that also takes a file as the body itself (a bank statement as text/csv or XML): files it
   * takes, and files broken so that they can only be refused (each with its Content-Type).
   */
  files?: { valid: SampleFile[]; broken: SampleFile[] };
}

export interface SampleFile {
  contentType: string;
  text: string;
}

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** A well-formed storefront id that names none. */
const UNKNOWN_STOREFRONT = 'sf_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N';
/** A well-formed subscription id that names none. */
const UNKNOWN_SUBSCRIPTION = 'sub_01J9ZQ4Y5W6X7V8T9S0R1Q2P3N';

export function routeSamples(fixtures: FuzzFixtures): Record<string, RouteSample> {
  const { customerId, orderId, sku } = fixtures;
  const id = { id: orderId };
  return {
    'POST /customers': { params: {}, body: { ...customerBody }, required: ['name', 'email', 'country'] },
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
    'GET /orders/{id}': { params: id, required: [] },
    'GET /orders': { params: {}, query: { status: 'AWAITING_DEPOSIT', limit: '10' }, required: [] },
    'POST /orders/{id}/credit-decision': {
      params: id,
      body: { decision: 'approve', note: 'known buyer' },
      required: ['decision'],
    },
    'POST /orders/{id}/payments': {
      params: id,
      body: { amount: '10.00', currency: 'EUR', reference: 'TT-FUZZ-1' },
      required: ['amount', 'currency', 'reference'],
    },
    'POST /orders/{id}/packing': {
      params: id,
      body: {
        packages: [
          { weightKg: 12.5, lengthCm: 60, widthCm: 40, heightCm: 40, lines: [{ sku, quantity: 2 }] },
        ],
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
      },
      required: ['carrier', 'mode', 'transportDocumentNo', 'trackingNumber', 'etd', 'eta'],
    },
    'POST /orders/{id}/tracking-events': {
      params: id,
      body: { status: 'DEPARTED', at: '2026-12-02T08:00:00Z', location: 'Shanghai' },
      required: ['status', 'at'],
    },
    'POST /orders/{id}/promised-date': {
      params: id,
      body: { promisedDate: '2027-01-05', note: 'second shift' },
      required: ['promisedDate'],
    },
    'POST /orders/{id}/delivery': {
      params: id,
      body: { deliveredAt: '2027-01-10T09:00:00Z', receivedBy: 'Ana' },
      required: ['deliveredAt'],
    },
    'POST /orders/{id}/cancel': { params: id, body: { reason: 'the buyer withdrew' }, required: ['reason'] },
    'POST /products': {
      params: {},
      body: { sku: 'FUZZ-NEW-1', name: 'Fuzzed product', unitCost: '1.00', price: '2.00', currency: 'EUR' },
      required: ['sku', 'name'],
    },
    'PUT /inventory/{sku}': { params: { sku }, body: { onHand: 500 }, required: ['onHand'] },
    'POST /inventory/receipts': { params: {}, body: { sku, quantity: 5 }, required: ['sku', 'quantity'] },
    'GET /inventory/{sku}': { params: { sku }, required: [] },
    'GET /inventory/{sku}/movements': {
      params: { sku },
      query: { warehouse: 'MAIN', limit: '10' },
      required: [],
    },
    'POST /suppliers': {
      params: {},
      body: { name: 'Fuzz supplier', leadTimeDays: 14, skus: [sku] },
      required: ['name', 'leadTimeDays'],
    },
    'POST /purchase-orders': {
      params: {},
      // An unknown supplier: the fuzzed bodies that pass validation answer 404, never a 5xx.
      body: {
        supplierId: 'sup_01JD0000000000000000000000',
        currency: 'USD',
        lines: [{ sku, quantity: 10, unitCost: '7.10' }],
      },
      required: ['supplierId', 'currency', 'lines'],
    },
    'GET /purchase-orders': { params: {}, query: { status: 'OPEN', limit: '10' }, required: [] },
    'GET /purchase-orders/{id}': { params: { id: 'po_01JD0000000000000000000000' }, required: [] },
    'POST /purchase-orders/{id}/receipts': {
      params: { id: 'po_01JD0000000000000000000000' },
      body: { lines: [{ sku, quantity: 1 }] },
      required: ['lines'],
    },
    'GET /replenishment-requests': { params: {}, query: { limit: '10' }, required: [] },
    'POST /storefronts': {
      params: {},
      body: { name: 'Fuzz shop', platform: 'shopify', skuMap: { 'SHOP-1': sku }, defaultCurrency: 'USD' },
      required: ['name', 'platform'],
    },
    'GET /storefronts/{id}': { params: { id: UNKNOWN_STOREFRONT }, required: [] },
    'GET /settings/escalations': { params: {}, required: [] },
    'GET /customers/{id}/insights': { params: { id: customerId }, required: [] },
    'GET /customers/lists/prospects': { params: {}, query: { limit: '10' }, required: [] },
    'GET /customers/lists/dormant': { params: {}, query: { minDaysOverdue: '7', limit: '10' }, required: [] },
    'GET /customers/lists/top': {
      params: {},
      query: { months: '12', currency: 'EUR', limit: '10' },
      required: [],
    },
    'GET /products/{sku}/demand': { params: { sku }, query: { months: '12' }, required: [] },
    'PUT /settings/escalations': {
      params: {},
      body: {
        version: 0,
        calendar: {
          timeZone: 'Europe/Berlin',
          workingDays: [1, 2, 3, 4, 5],
          holidays: ['2026-12-25'],
          workingHours: { start: '09:00', end: '17:00' },
        },
        slas: { 'credit-decision': { steps: [{ businessHours: 4 }, { businessDays: 1 }] } },
        managers: { finance: 'finance-lead@example.com' },
      },
      required: ['version'],
    },
    'POST /subscriptions': {
      params: {},
      body: {
        department: 'finance',
        name: 'Fuzz desk',
        emails: ['fuzz-desk@example.com'],
        webhook: { url: 'https://hooks.example.com/fuzz' },
        filters: { eventTypes: ['CreditHeld'], countries: ['DE'] },
      },
      required: ['department', 'name'],
    },
    'GET /subscriptions': { params: {}, query: { department: 'finance' }, required: [] },
    'GET /subscriptions/{id}': { params: { id: UNKNOWN_SUBSCRIPTION }, required: [] },
    'PUT /subscriptions/{id}': {
      params: { id: UNKNOWN_SUBSCRIPTION },
      body: { name: 'Fuzz desk', emails: ['fuzz-desk@example.com'], enabled: true, version: 1 },
      required: ['name', 'version'],
    },
    'DELETE /subscriptions/{id}': { params: { id: UNKNOWN_SUBSCRIPTION }, required: [] },
    // Unsigned (the fuzzer sends no signature): every one must be a 401 that keeps nothing.
    'POST /webhooks/shopify/{storefrontId}': {
      params: { storefrontId: UNKNOWN_STOREFRONT },
      body: { id: 5812345678901, email: 'buyer@example.com', currency: 'USD', line_items: [] },
      required: [],
    },
    'POST /webhooks/woocommerce/{storefrontId}': {
      params: { storefrontId: UNKNOWN_STOREFRONT },
      body: { id: 4127, number: '4127', currency: 'EUR', line_items: [] },
      required: [],
    },
    ...newFeatureSamples(fixtures),
  };
}

/** A route the samples do not know yet is still fuzzed, from an empty body and placeholder params. */
export function sampleFor(route: RouteSpec, samples: Record<string, RouteSample>): RouteSample {
  return (
    samples[routeKey(route)] ?? {
      params: Object.fromEntries([...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, 'x'])),
      body: route.method === 'GET' ? undefined : {},
      required: [],
    }
  );
}

/** The route's path with each `{param}` filled in, percent-encoded unless `raw`. */
export function pathOf(route: RouteSpec, params: Record<string, string>, raw = false): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    raw ? (params[name] ?? '') : encodeURIComponent(params[name] ?? ''),
  );
}
