import { ORDER_STATUSES } from '../domain/order';
import { EXCEPTION_TYPES, TRACKING_STATUSES } from '../domain/tracking';
import { BUYER_DOCUMENT_KINDS } from '../tracking-page/buyer-documents';
import { TRACKING_TOKEN_PATTERN } from '../tracking-page/token';
import * as z from '../zod-mini';

/**
 * The public tracking page (GET /track/{token}): its path parameters and its JSON answer. A token or
 * kind that does not fit answers the same 404 as an unknown one (never a 400 that tells them apart).
 */
export const trackingTokenParam = z.string().check(z.regex(TRACKING_TOKEN_PATTERN, 'is not a tracking link'));
export const buyerDocumentKindParam = z.enum(BUYER_DOCUMENT_KINDS);
/** `?shipment=<n>`: a later shipment's own document (an order shipped in parts); absent, shipment 1's. */
export const trackingDocumentQuery = z.strictObject({
  shipment: z.optional(
    z.coerce.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(1000)),
  ),
});

const booking = z.object({
  carrier: z.string(),
  mode: z.enum(['SEA', 'AIR', 'ROAD', 'RAIL']),
  transportDocumentNo: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.optional(z.string()),
  etd: z.string(),
  eta: z.string(),
  vesselOrFlight: z.optional(z.string()),
  portOfLoading: z.optional(z.string()),
  portOfDischarge: z.optional(z.string()),
  dispatchedAt: z.string(),
});
const carrierUpdate = z.object({
  at: z.string(),
  status: z.enum(TRACKING_STATUSES),
  location: z.optional(z.string()),
  newEta: z.optional(z.string()),
});
const buyerDocument = z.object({
  kind: z.enum(BUYER_DOCUMENT_KINDS),
  number: z.string(),
  issuedAt: z.string(),
  /** Relative to the page (`<token>/documents/<kind>`, `?shipment=<n>` for a later shipment's). */
  url: z.string(),
});

/** What `trackingView` (shared/tracking-page/tracking-view.ts) answers as JSON. Documentation only. */
export const trackingPageResponse = z.object({
  orderId: z.string(),
  buyerPo: z.optional(z.string()),
  status: z.enum(ORDER_STATUSES),
  placedAt: z.string(),
  shipTo: z.object({ city: z.string(), country: z.string() }),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
  total: z.object({ amount: z.string(), currency: z.string() }),
  eta: z.optional(z.string()),
  shipment: z.optional(
    z.object({
      carrier: z.string(),
      mode: z.enum(['SEA', 'AIR', 'ROAD', 'RAIL']),
      transportDocumentNo: z.string(),
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
  exception: z.optional(z.object({ type: z.enum(EXCEPTION_TYPES), since: z.string() })),
  deliveredAt: z.optional(z.string()),
  timeline: z.array(z.object({ at: z.string(), status: z.enum(ORDER_STATUSES) })),
  carrierUpdates: z.array(
    z.object({
      at: z.string(),
      status: z.enum(TRACKING_STATUSES),
      location: z.optional(z.string()),
      newEta: z.optional(z.string()),
    }),
  ),
  documents: z.array(buyerDocument),
  /** An order shipped in parts: each shipment, with its own invoice and packing list. */
  shipments: z.optional(
    z.array(
      z.object({
        shipmentNo: z.int(),
        status: z.enum(['PACKED', 'IN_TRANSIT', 'DELIVERED']),
        lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
        eta: z.optional(z.string()),
        booking: z.optional(booking),
        exception: z.optional(z.object({ type: z.enum(EXCEPTION_TYPES), since: z.string() })),
        deliveredAt: z.optional(z.string()),
        carrierUpdates: z.array(carrierUpdate),
        documents: z.array(buyerDocument),
      }),
    ),
  ),
});
