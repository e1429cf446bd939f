import type { Order } from '../domain/order';
import {
  isSplit,
  type ShipmentStatus,
  shipmentLines,
  shipmentStatus,
  shipmentsOf,
} from '../domain/shipments';
import type { ExceptionType, TrackingStatus } from '../domain/tracking';
import type { StoredDocument } from '../ports/trade-documents';
import type { BuyerDocumentKind } from './buyer-documents';
import type { ShipmentBookingView } from './tracking-view';
import { latestBuyerDocuments } from './tracking-view';

/**
 * The shipments of an order shipped in parts, as its tracking page shows them: each with what it
 * carries, its booking, carrier updates, delivery and its own commercial invoice and packing list.
 * Built field by field, like the rest of the page (no staff notes, no receiver's name).
 */
export interface ShipmentTrackingView {
  shipmentNo: number;
  status: ShipmentStatus;
  lines: { sku: string; quantity: number }[];
  eta?: string;
  booking?: ShipmentBookingView;
  exception?: { type: ExceptionType; since: string };
  deliveredAt?: string;
  carrierUpdates: { at: string; status: TrackingStatus; location?: string; newEta?: string }[];
  documents: { kind: BuyerDocumentKind; number: string; issuedAt: string; url: string }[];
}

/** Undefined for an order that ships in one shipment (its page shows the one shipment as always). */
export function shipmentsTrackingView(
  order: Order,
  documents: StoredDocument[],
  documentUrl: (kind: BuyerDocumentKind, shipmentNo?: number) => string,
): ShipmentTrackingView[] | undefined {
  if (!isSplit(order)) return undefined;
  return shipmentsOf(order).map((record) => {
    const booked = record.shipment;
    const eta = record.tracking?.eta ?? booked?.eta;
    const mine = documents.filter((document) => document.shipmentNo === record.shipmentNo);
    return {
      shipmentNo: record.shipmentNo,
      status: shipmentStatus(record),
      lines: shipmentLines(record),
      ...(eta ? { eta } : {}),
      ...(booked
        ? {
            booking: {
              carrier: booked.carrier,
              mode: booked.mode,
              transportDocumentNo: booked.transportDocumentNo,
              trackingNumber: booked.trackingNumber,
              ...(booked.trackingUrl ? { trackingUrl: booked.trackingUrl } : {}),
              etd: booked.etd,
              eta: booked.eta,
              ...(booked.vesselOrFlight ? { vesselOrFlight: booked.vesselOrFlight } : {}),
              ...(booked.portOfLoading ? { portOfLoading: booked.portOfLoading } : {}),
              ...(booked.portOfDischarge ? { portOfDischarge: booked.portOfDischarge } : {}),
              dispatchedAt: booked.dispatchedAt,
            },
          }
        : {}),
      ...(!record.delivery && record.tracking?.exception
        ? { exception: { type: record.tracking.exception.type, since: record.tracking.exception.openedAt } }
        : {}),
      ...(record.delivery ? { deliveredAt: record.delivery.deliveredAt } : {}),
      carrierUpdates: (record.trackingEvents ?? [])
        .map((event) => ({
          at: event.at,
          status: event.status,
          ...(event.location ? { location: event.location } : {}),
          ...(event.newEta ? { newEta: event.newEta } : {}),
        }))
        .sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
      documents: latestBuyerDocuments(mine).map((document) => ({
        kind: document.kind,
        number: document.number,
        issuedAt: document.issuedAt,
        url: documentUrl(document.kind, record.shipmentNo),
      })),
    };
  });
}

/** The documents of no shipment (the proforma and the order confirmation) of an order shipped in parts. */
export function orderLevelDocuments(documents: StoredDocument[]): StoredDocument[] {
  return documents.filter((document) => document.shipmentNo === undefined);
}
