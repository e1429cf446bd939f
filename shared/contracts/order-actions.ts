import type { TransportMode } from '../domain/incoterms';
import { ORDER_STATUSES } from '../domain/order';
import { TRACKING_STATUSES } from '../domain/tracking';
import * as z from '../zod-mini';
import { countryCode, currencyCode, decimalAmount, nonEmpty, pageLimit, pageToken } from './common';

/**
 * The staff actions' bodies (DESIGN.md, "The core API contract"): shapes and types here, the
 * business rules (units packed, mode against Incoterm, dates in order) in shared/domain, so every
 * problem with a packing list or a shipment is listed at once.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isDate = (value: string) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
const isDateTime = (value: string) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** An instant, with its offset: `2026-12-01T09:30:00Z`. */
export const isoDateTime = z.string().check(
  z.refine(isDateTime, {
    message: 'must be an ISO 8601 date-time with an offset, such as 2026-12-01T09:30:00Z',
  }),
);

/** A day or an instant: ETD and ETA are often known only to the day. */
export const isoDateOrDateTime = z.string().check(
  z.refine((value) => isDate(value) || isDateTime(value), {
    message: 'must be an ISO 8601 date or date-time, such as 2026-12-01 or 2026-12-01T09:30:00Z',
  }),
);

const note = nonEmpty(1000);

/**
 * Which shipment of an order shipped in parts the call is about (shared/domain/shipments.ts): packing
 * and booking default to the one being prepared, carrier updates and deliveries to the one on its way.
 */
const shipmentNo = z.optional(
  z
    .number()
    .check(
      z.int('must be a whole number'),
      z.minimum(1, 'must be 1 or more'),
      z.maximum(1000, 'must be at most 1000'),
    ),
);

export const creditDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject'], { message: 'must be approve or reject' }),
  note: z.optional(note),
});
export type CreditDecisionBody = z.infer<typeof creditDecisionBody>;

export const recordPaymentBody = z.strictObject({
  amount: decimalAmount,
  currency: currencyCode,
  /** The bank's or payer's reference: a payment is recorded once per reference. */
  reference: nonEmpty(128),
});
export type RecordPaymentBody = z.infer<typeof recordPaymentBody>;

/**
 * A finite number (zod refuses Infinity and NaN) no larger than any real package: without a ceiling,
 * weights like 1e308 summed to Infinity, which DynamoDB cannot store (a 500 found by the fuzz suite).
 * Positivity is the domain's rule (shared/domain/packing.ts), with its own message.
 */
const MAX_MEASURE = 1_000_000;
const measure = z.number().check(z.lte(MAX_MEASURE, `must be at most ${MAX_MEASURE.toLocaleString('en')}`));

const MODES = ['SEA', 'AIR', 'ROAD', 'RAIL'] as const satisfies readonly TransportMode[];

export const recordPackingBody = z.strictObject({
  packages: z
    .array(
      z.strictObject({
        weightKg: measure,
        lengthCm: measure,
        widthCm: measure,
        heightCm: measure,
        lines: z
          .array(
            z.strictObject({
              sku: nonEmpty(64),
              quantity: z.number().check(z.int('must be a whole number')),
            }),
          )
          .check(z.maxLength(200, 'at most 200 lines in a package')),
      }),
    )
    .check(z.maxLength(1000, 'at most 1000 packages')),
  shipmentNo,
});
export type RecordPackingBody = z.infer<typeof recordPackingBody>;

export const recordShipmentBody = z.strictObject({
  carrier: nonEmpty(100),
  mode: z.enum(MODES, { message: `must be one of ${MODES.join(', ')}` }),
  transportDocumentNo: nonEmpty(64),
  trackingNumber: nonEmpty(64),
  /** The vessel and voyage or the flight, as the carrier's booking names them: `MAERSK ESSEX / 245W`, `LH 8400`. */
  vesselOrFlight: z.optional(nonEmpty(100)),
  trackingUrl: z.optional(
    z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).check(z.maxLength(2000)),
  ),
  etd: isoDateOrDateTime,
  eta: isoDateOrDateTime,
  portOfLoading: z.optional(nonEmpty(100)),
  portOfDischarge: z.optional(nonEmpty(100)),
  shipmentNo,
});
export type RecordShipmentBody = z.infer<typeof recordShipmentBody>;

export const trackingEventBody = z.strictObject({
  status: z.enum(TRACKING_STATUSES, { message: `must be one of ${TRACKING_STATUSES.join(', ')}` }),
  at: isoDateTime,
  location: z.optional(nonEmpty(200)),
  note: z.optional(note),
  newEta: z.optional(isoDateOrDateTime),
  shipmentNo,
});
export type TrackingEventBody = z.infer<typeof trackingEventBody>;

export const recordDeliveryBody = z.strictObject({
  deliveredAt: isoDateTime,
  receivedBy: z.optional(nonEmpty(200)),
  shipmentNo,
});
export type RecordDeliveryBody = z.infer<typeof recordDeliveryBody>;

/** A calendar day: `2026-12-15`. */
const isoDate = z
  .string()
  .check(z.refine(isDate, { message: 'must be an ISO 8601 date, such as 2026-12-15' }));

export const promisedDateBody = z.strictObject({ promisedDate: isoDate, note: z.optional(note) });
export type PromisedDateBody = z.infer<typeof promisedDateBody>;

export const cancelOrderBody = z.strictObject({ reason: nonEmpty(1000) });
export type CancelOrderBody = z.infer<typeof cancelOrderBody>;

/**
 * `GET /orders?status=&customerId=&country=&owner=&limit=&nextToken=`. One of status or customerId is required
 * (the listing use case says so): every order at once is not something an index serves.
 */
export const listOrdersQuery = z.strictObject({
  status: z.optional(z.enum(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` })),
  customerId: z.optional(nonEmpty(64)),
  externalRef: z.optional(nonEmpty(128)),
  /** Only orders going to this country (the shipping address's), with status or customerId. */
  country: z.optional(countryCode),
  /** Only orders of customers this staff member owns (the profile's `owner`), with status or customerId. */
  owner: z.optional(nonEmpty(128)),
  limit: pageLimit(25),
  nextToken: pageToken,
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
