import { EXCEPTION_TYPES, TRACKING_STATUSES } from '../domain/tracking';
import * as z from '../zod-mini';

/**
 * What `shipmentViewFields` (shared/http/shipment-views.ts) adds to the order view: partial
 * shipments. Documentation only, spread into `orderResponse`.
 */

const skuQuantity = z.object({ sku: z.string(), quantity: z.number() });

const shipmentResponse = z.object({
  shipmentNo: z.int(),
  status: z.enum(['PACKED', 'IN_TRANSIT', 'DELIVERED']),
  /** The units it carries (its packed units per sku). */
  lines: z.array(skuQuantity),
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
  carrier: z.optional(z.string()),
  mode: z.optional(z.enum(['SEA', 'AIR', 'ROAD', 'RAIL'])),
  transportDocumentNo: z.optional(z.string()),
  transportDocument: z.optional(z.string()),
  trackingNumber: z.optional(z.string()),
  trackingUrl: z.optional(z.string()),
  vesselOrFlight: z.optional(z.string()),
  etd: z.optional(z.string()),
  portOfLoading: z.optional(z.string()),
  portOfDischarge: z.optional(z.string()),
  dispatchedAt: z.optional(z.string()),
  /** The current estimate of arrival: the carrier's latest, else the booked one. */
  eta: z.optional(z.string()),
  exception: z.optional(
    z.object({
      type: z.enum(EXCEPTION_TYPES),
      openedAt: z.string(),
      location: z.optional(z.string()),
      note: z.optional(z.string()),
    }),
  ),
  trackingEvents: z.array(
    z.object({
      status: z.enum(TRACKING_STATUSES),
      at: z.string(),
      location: z.optional(z.string()),
      note: z.optional(z.string()),
      newEta: z.optional(z.string()),
      recordedAt: z.string(),
    }),
  ),
  deliveredAt: z.optional(z.string()),
  receivedBy: z.optional(z.string()),
  /** Its shipping documents (the newest version of each; GET /orders/{id}/documents lists all). */
  documents: z.array(
    z.object({
      kind: z.string(),
      number: z.string(),
      version: z.int(),
      issuedAt: z.string(),
      shipmentNo: z.optional(z.int()),
    }),
  ),
});

export const shipmentResponseFields = {
  /** The buyer accepts partial shipments (POST /orders `allowPartialShipments`). */
  allowPartialShipments: z.boolean(),
  /** Every shipment packed or booked, oldest first (one for an order shipped whole). */
  shipments: z.optional(z.array(shipmentResponse)),
  /** An order that allows partial shipments: units neither shipped nor allocated to the next shipment. */
  backorder: z.optional(z.array(skuQuantity)),
};
