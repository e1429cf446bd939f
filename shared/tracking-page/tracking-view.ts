import type { TransportMode } from '../domain/incoterms';
import { formatAmount } from '../domain/money';
import type { Order, OrderStatus } from '../domain/order';
import { fullyDelivered, lastDeliveredAt } from '../domain/shipments';
import type { ExceptionType, TrackingStatus } from '../domain/tracking';
import type { StoredDocument } from '../ports/trade-documents';
import { BUYER_DOCUMENT_KINDS, type BuyerDocumentKind, isBuyerDocumentKind } from './buyer-documents';
import { orderLevelDocuments, type ShipmentTrackingView, shipmentsTrackingView } from './shipments-view';

/**
 * What the public tracking page shows of one order, and nothing else: built field by field from the
 * order (never by copying it and removing things), so a field added to the order later stays off
 * the page until someone chooses to put it here. No customer name, email or address beyond the
 * ship-to city and country; no staff names, notes, credit review, exception notes or failures.
 */
export interface TrackingView {
  orderId: string;
  buyerPo?: string;
  status: OrderStatus;
  placedAt: string;
  shipTo: { city: string; country: string };
  lines: { sku: string; quantity: number }[];
  total: { amount: string; currency: string };
  /** The current estimate of arrival: the carrier's latest, else the booked one. */
  eta?: string;
  shipment?: ShipmentBookingView;
  /** An open problem in transit: its kind and since when (never staff's notes on it). */
  exception?: { type: ExceptionType; since: string };
  deliveredAt?: string;
  /** Each status the order went through, oldest first. */
  timeline: { at: string; status: OrderStatus }[];
  /** What the carrier reported, newest first. */
  carrierUpdates: { at: string; status: TrackingStatus; location?: string; newEta?: string }[];
  /**
   * The newest version of each buyer document issued, with its PDF's link. For an order shipped in
   * parts, the order's own (proforma, confirmation): each shipment lists its invoice and packing list.
   */
  documents: { kind: BuyerDocumentKind; number: string; issuedAt: string; url: string }[];
  /**
   * An order shipped in parts: each shipment (the fields above — shipment, eta, carrier updates,
   * delivery — are then its latest booked shipment's).
   */
  shipments?: ShipmentTrackingView[];
}

/** `documentUrl(kind)`: where the page's reader gets that document (through the page's own token). */
export function trackingView(
  order: Order,
  documents: StoredDocument[],
  documentUrl: (kind: BuyerDocumentKind, shipmentNo?: number) => string,
): TrackingView {
  const shipments = shipmentsTrackingView(order, documents, documentUrl);
  const shipment = order.shipment;
  return {
    orderId: order.orderId,
    ...(order.buyerPo ? { buyerPo: order.buyerPo } : {}),
    status: order.status,
    placedAt: order.createdAt,
    shipTo: { city: order.shippingAddress.city, country: order.shippingAddress.country },
    lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    total: { amount: formatAmount(order.total), currency: order.total.currency },
    ...(order.tracking?.eta || shipment?.eta ? { eta: order.tracking?.eta ?? shipment?.eta } : {}),
    ...(shipment
      ? {
          shipment: {
            carrier: shipment.carrier,
            mode: shipment.mode,
            transportDocumentNo: shipment.transportDocumentNo,
            trackingNumber: shipment.trackingNumber,
            ...(shipment.trackingUrl ? { trackingUrl: shipment.trackingUrl } : {}),
            etd: shipment.etd,
            eta: shipment.eta,
            ...(shipment.vesselOrFlight ? { vesselOrFlight: shipment.vesselOrFlight } : {}),
            ...(shipment.portOfLoading ? { portOfLoading: shipment.portOfLoading } : {}),
            ...(shipment.portOfDischarge ? { portOfDischarge: shipment.portOfDischarge } : {}),
            dispatchedAt: shipment.dispatchedAt,
          },
        }
      : {}),
    ...(order.status === 'IN_TRANSIT' && order.tracking?.exception
      ? { exception: { type: order.tracking.exception.type, since: order.tracking.exception.openedAt } }
      : {}),
    ...(deliveredAt(order, Boolean(shipments))
      ? { deliveredAt: deliveredAt(order, Boolean(shipments)) }
      : {}),
    timeline: statusTimeline(order),
    carrierUpdates: (order.trackingEvents ?? [])
      .map((event) => ({
        at: event.at,
        status: event.status,
        ...(event.location ? { location: event.location } : {}),
        ...(event.newEta ? { newEta: event.newEta } : {}),
      }))
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    documents: latestBuyerDocuments(shipments ? orderLevelDocuments(documents) : documents).map(
      (document) => ({
        kind: document.kind,
        number: document.number,
        issuedAt: document.issuedAt,
        url: documentUrl(document.kind),
      }),
    ),
    ...(shipments ? { shipments } : {}),
  };
}

/** When the order arrived: for an order shipped in parts, once its last shipment did. */
function deliveredAt(order: Order, split: boolean): string | undefined {
  if (!split) return order.delivery?.deliveredAt;
  return fullyDelivered(order) ? lastDeliveredAt(order) : undefined;
}

/** The status changes of the timeline (its other entries are staff's), each status change once. */
function statusTimeline(order: Order): TrackingView['timeline'] {
  const timeline: TrackingView['timeline'] = [];
  for (const entry of order.timeline) {
    if (!entry.status || timeline.at(-1)?.status === entry.status) continue;
    timeline.push({ at: entry.at, status: entry.status });
  }
  return timeline;
}

/** The newest version of each buyer document that has a PDF, in the order buyers expect them. */
export function latestBuyerDocuments(
  documents: StoredDocument[],
): (StoredDocument & { kind: BuyerDocumentKind })[] {
  const newest = new Map<BuyerDocumentKind, StoredDocument & { kind: BuyerDocumentKind }>();
  for (const document of documents) {
    if (!isBuyerDocumentKind(document.kind) || !document.files.pdf) continue;
    const kept = newest.get(document.kind);
    if (!kept || document.version > kept.version)
      newest.set(document.kind, { ...document, kind: document.kind });
  }
  const rank = (kind: BuyerDocumentKind) => BUYER_DOCUMENT_KINDS.indexOf(kind);
  return [...newest.values()].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** A booked shipment as the buyer sees it (the tracking page's shipment, and each of several). */
export interface ShipmentBookingView {
  carrier: string;
  mode: TransportMode;
  transportDocumentNo: string;
  trackingNumber: string;
  trackingUrl?: string;
  etd: string;
  eta: string;
  vesselOrFlight?: string;
  portOfLoading?: string;
  portOfDischarge?: string;
  dispatchedAt: string;
}
