import type { Order } from '../domain/order';
import { transportDocumentName } from '../domain/shipment';
import {
  allowsPartialShipments,
  backorderOf,
  documentsOfShipment,
  type ShipmentRecord,
  shipmentLines,
  shipmentStatus,
  shipmentsOf,
} from '../domain/shipments';

/**
 * The order view's shipments (partial shipments, shared/domain/shipments.ts): added to every order's
 * view, so a reader sees one list whether the order ships in one shipment or in parts.
 * - `allowPartialShipments`: as placed;
 * - `shipments`: every shipment packed or booked, oldest first, each with its lines, packing, booking,
 *   tracking, delivery and its own shipping documents;
 * - `backorder` (orders that allow partial shipments): units neither shipped nor allocated to the
 *   shipment being prepared;
 * - `shipment`, `tracking`, `delivery`: as always the order's own (the current shipment); while an
 *   order shipped in parts prepares its next shipment they show the last one booked, for readers
 *   that know one shipment only.
 */
export function shipmentViewFields(order: Order) {
  const shipments = shipmentsOf(order);
  const latestBooked = [...shipments].reverse().find((record) => record.shipment);
  const compat = allowsPartialShipments(order) && !order.shipment && latestBooked ? latestBooked : undefined;
  return {
    allowPartialShipments: allowsPartialShipments(order),
    ...(shipments.length ? { shipments: shipments.map((record) => shipmentView(order, record)) } : {}),
    ...(allowsPartialShipments(order) ? { backorder: backorderOf(order) } : {}),
    ...(compat?.shipment
      ? { shipment: { ...compat.shipment, transportDocument: transportDocumentName(compat.shipment.mode) } }
      : {}),
    ...(compat?.tracking
      ? {
          tracking: {
            eta: compat.tracking.eta,
            ...(compat.tracking.exception ? { exception: compat.tracking.exception } : {}),
            ...(compat.tracking.lastEventAt ? { lastEventAt: compat.tracking.lastEventAt } : {}),
            events: compat.trackingEvents ?? [],
          },
        }
      : {}),
    ...(compat?.delivery ? { delivery: compat.delivery } : {}),
  };
}

function shipmentView(order: Order, record: ShipmentRecord) {
  const booked = record.shipment;
  const eta = record.tracking?.eta ?? booked?.eta;
  return {
    shipmentNo: record.shipmentNo,
    status: shipmentStatus(record),
    lines: shipmentLines(record),
    ...(record.packages ? { packages: record.packages } : {}),
    ...(record.packingTotals ? { packingTotals: record.packingTotals } : {}),
    ...(booked
      ? {
          carrier: booked.carrier,
          mode: booked.mode,
          transportDocumentNo: booked.transportDocumentNo,
          transportDocument: transportDocumentName(booked.mode),
          trackingNumber: booked.trackingNumber,
          ...(booked.trackingUrl ? { trackingUrl: booked.trackingUrl } : {}),
          ...(booked.vesselOrFlight ? { vesselOrFlight: booked.vesselOrFlight } : {}),
          etd: booked.etd,
          ...(booked.portOfLoading ? { portOfLoading: booked.portOfLoading } : {}),
          ...(booked.portOfDischarge ? { portOfDischarge: booked.portOfDischarge } : {}),
          dispatchedAt: booked.dispatchedAt,
        }
      : {}),
    // The current estimate: the carrier's latest, else the booked one.
    ...(eta ? { eta } : {}),
    ...(!record.delivery && record.tracking?.exception ? { exception: record.tracking.exception } : {}),
    trackingEvents: record.trackingEvents ?? [],
    ...(record.delivery
      ? {
          deliveredAt: record.delivery.deliveredAt,
          ...(record.delivery.receivedBy ? { receivedBy: record.delivery.receivedBy } : {}),
        }
      : {}),
    documents: documentsOfShipment(order, record.shipmentNo),
  };
}
