import { INCOTERMS } from '../domain/incoterms';
import { ORDER_STATUSES, WAIT_KINDS } from '../domain/order';
import { EXCEPTION_TYPES, TRACKING_STATUSES } from '../domain/tracking';
import * as z from '../zod-mini';
import { paymentTerms } from './common';
import { shipmentResponseFields } from './shipment-responses';

/**
 * What `orderView` and `orderSummaryView` (shared/http/views.ts) answer: amounts are decimal strings
 * in the order's currency, money in another currency is `{ amount, currency }`. Documentation only
 * (no handler imports it); test/unit/openapi/response-schemas.test.ts checks real views against it,
 * key for key, and that the views' types fit it.
 */

const amount = z.string().check(z.describe('A decimal amount in the order currency, e.g. "1250.50"'));
const money = z.object({ amount: z.string(), currency: z.string() });
const status = z.enum(ORDER_STATUSES);
const incoterm = z.object({ code: z.enum(INCOTERMS), place: z.string() });
const actor = z.object({
  kind: z.enum(['storefront', 'staff', 'system']),
  id: z.string(),
  role: z.optional(z.string()),
});
const skuQuantity = z.object({ sku: z.string(), quantity: z.number() });

const creditReview = z.object({
  decision: z.enum(['approve', 'hold']),
  reason: z.string(),
  terms: z.string(),
  creditNeeded: z.boolean(),
  limit: z.optional(money),
  outstanding: money,
  orderExposure: money,
  totalExposure: z.optional(money),
  headroom: z.optional(money),
  at: z.string(),
  finalDecision: z.optional(
    z.object({
      decision: z.enum(['approve', 'reject']),
      by: actor,
      note: z.optional(z.string()),
      at: z.string(),
    }),
  ),
});

const installment = z.object({
  kind: z.enum(['deposit', 'balance', 'full']),
  label: z.string(),
  amount,
  dueOn: z.union([
    z.enum(['confirmation', 'before-shipment', 'delivery']),
    z.object({ daysAfterDelivery: z.int() }),
  ]),
  covered: z.boolean(),
});

const shipmentException = z.object({
  type: z.enum(EXCEPTION_TYPES),
  openedAt: z.string(),
  location: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const orderResponse = z.object({
  orderId: z.string(),
  status,
  exception: z.optional(z.enum(EXCEPTION_TYPES)),
  waitingFor: z.optional(z.enum(WAIT_KINDS)),
  waitingSince: z.optional(z.string()),
  /** When the wait's next escalation step is due (its SLA). */
  waitDueAt: z.optional(z.string()),
  /** How many escalation levels the wait has raised (absent: none yet). */
  escalatedLevel: z.optional(z.int()),
  /** The day production promised the goods packed (POST /orders/{id}/promised-date). */
  promisedDate: z.optional(z.string()),
  customerId: z.string(),
  currency: z.string(),
  incoterm,
  paymentTerms,
  lines: z.array(
    z.object({ lineNo: z.int(), sku: z.string(), quantity: z.int(), unitPrice: amount, amount }),
  ),
  totals: z.object({ goods: amount, total: amount }),
  shippingAddress: z.object({
    name: z.string(),
    line1: z.string(),
    line2: z.optional(z.string()),
    city: z.string(),
    postalCode: z.optional(z.string()),
    region: z.optional(z.string()),
    country: z.string(),
  }),
  buyerPo: z.optional(z.string()),
  externalRef: z.optional(z.string()),
  externalName: z.optional(z.string()),
  problems: z.optional(z.array(z.string())),
  failure: z.optional(z.object({ state: z.string(), error: z.string(), cause: z.string(), at: z.string() })),
  creditReview: z.optional(creditReview.check(z.describe('Staff only: storefronts do not see it'))),
  paymentSchedule: z.optional(z.object({ installments: z.array(installment) })),
  payments: z.array(z.object({ amount, reference: z.string(), receivedAt: z.string(), by: actor })),
  paid: amount,
  outstanding: amount,
  overpaid: z.optional(amount),
  paymentDueAt: z.optional(z.string()),
  reservations: z.optional(z.array(skuQuantity)),
  shortfalls: z.optional(z.array(z.object({ sku: z.string(), short: z.number() }))),
  packages: z.optional(
    z.array(
      z.object({
        weightKg: z.number(),
        lengthCm: z.number(),
        widthCm: z.number(),
        heightCm: z.number(),
        lines: z.array(skuQuantity),
      }),
    ),
  ),
  packingTotals: z.optional(
    z.object({ packageCount: z.int(), grossWeightKg: z.number(), volumeM3: z.number() }),
  ),
  shipment: z.optional(
    z.object({
      carrier: z.string(),
      mode: z.enum(['SEA', 'AIR', 'ROAD', 'RAIL']),
      transportDocumentNo: z.string(),
      transportDocument: z.string(),
      trackingNumber: z.string(),
      trackingUrl: z.optional(z.string()),
      etd: z.string(),
      eta: z.string(),
      vesselOrFlight: z.optional(z.string()),
      portOfLoading: z.optional(z.string()),
      portOfDischarge: z.optional(z.string()),
      dispatchedAt: z.string(),
    }),
  ),
  tracking: z.optional(
    z.object({
      eta: z.string(),
      exception: z.optional(shipmentException),
      lastEventAt: z.optional(z.string()),
      events: z.array(
        z.object({
          status: z.enum(TRACKING_STATUSES),
          at: z.string(),
          location: z.optional(z.string()),
          note: z.optional(z.string()),
          newEta: z.optional(z.string()),
          recordedAt: z.string(),
        }),
      ),
    }),
  ),
  documents: z.optional(
    z.array(
      z.object({
        kind: z.string(),
        number: z.string(),
        version: z.int(),
        issuedAt: z.string(),
        /** The shipment a shipping document is for (an order that allows partial shipments). */
        shipmentNo: z.optional(z.int()),
      }),
    ),
  ),
  documentTasks: z.optional(
    z.array(
      z.object({ set: z.string(), summary: z.string(), problems: z.array(z.string()), since: z.string() }),
    ),
  ),
  delivery: z.optional(
    z.object({ deliveredAt: z.string(), receivedBy: z.optional(z.string()), recordedAt: z.string() }),
  ),
  cancellation: z.optional(
    z.object({
      reason: z.string(),
      at: z.string(),
      by: actor,
      statusBefore: status,
      refundDue: amount,
      compensatedAt: z.optional(z.string()),
    }),
  ),
  ...shipmentResponseFields,
  createdAt: z.string(),
  updatedAt: z.string(),
  timeline: z.array(
    z.object({
      at: z.string(),
      what: z.string(),
      status: z.optional(status),
      by: actor,
      note: z.optional(z.string()),
    }),
  ),
});

/** `POST /orders`: the new order's id and status (its URL is in `Location`). */
export const createdOrderResponse = z.object({ orderId: z.string(), status });

export const orderSummaryResponse = z.object({
  orderId: z.string(),
  status,
  exception: z.optional(z.enum(EXCEPTION_TYPES)),
  waitingFor: z.optional(z.enum(WAIT_KINDS)),
  /** When the wait's next escalation step is due, and how many levels it has raised (a stalled order). */
  waitDueAt: z.optional(z.string()),
  escalatedLevel: z.optional(z.int()),
  /** The shipping address's country (ISO 3166-1 alpha-2). */
  destinationCountry: z.optional(z.string()),
  customerId: z.string(),
  currency: z.string(),
  total: amount,
  paid: amount,
  incoterm,
  buyerPo: z.optional(z.string()),
  externalRef: z.optional(z.string()),
  failed: z.optional(z.boolean().check(z.describe('Present, true, when a workflow step failed for good'))),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** `GET /orders`: a page; pass `nextToken` back for the next one. */
export const orderPageResponse = z.object({
  items: z.array(orderSummaryResponse),
  nextToken: z.optional(z.string()),
});
