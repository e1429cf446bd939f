import { type IncotermCode, incotermFitsMode, type TransportMode } from './incoterms';
import type { Problem } from './problem';

export const TRANSPORT_MODES: readonly TransportMode[] = ['SEA', 'AIR', 'ROAD', 'RAIL'];

export interface Shipment {
  carrier: string;
  mode: TransportMode;
  transportDocumentNo: string;
  trackingNumber: string;
  /** The vessel and voyage (`MAERSK ESSEX / 245W`) or the flight (`LH 8400`), when the booking names it. */
  vesselOrFlight?: string;
  trackingUrl?: string;
  /** ISO 8601 date or date-time. */
  etd: string;
  eta: string;
  portOfLoading?: string;
  portOfDischarge?: string;
}

/** The transport document each mode travels under, as buyers and customs name it. */
const DOCUMENTS: Record<TransportMode, string> = {
  SEA: 'bill of lading (B/L)',
  AIR: 'air waybill (AWB)',
  ROAD: 'CMR consignment note',
  RAIL: 'CIM consignment note',
};

export function transportDocumentName(mode: TransportMode): string {
  return DOCUMENTS[mode];
}

/**
 * Checks a booked shipment against the order: a known mode that the order's Incoterm allows (FAS,
 * FOB, CFR and CIF need a ship), and dates that make sense (arrival not before departure).
 */
export function shipmentProblems(shipment: Shipment, incoterm: IncotermCode): Problem[] {
  const problems: Problem[] = [];
  if (!TRANSPORT_MODES.includes(shipment.mode)) {
    problems.push({ field: 'mode', message: `mode must be one of ${TRANSPORT_MODES.join(', ')}` });
  } else if (!incotermFitsMode(incoterm, shipment.mode)) {
    problems.push({
      field: 'mode',
      message: `${incoterm} is for sea and inland waterway transport only; this shipment goes by ${shipment.mode}`,
    });
  }
  const etd = Date.parse(shipment.etd);
  const eta = Date.parse(shipment.eta);
  if (Number.isNaN(etd)) problems.push({ field: 'etd', message: `etd "${shipment.etd}" is not a date` });
  if (Number.isNaN(eta)) problems.push({ field: 'eta', message: `eta "${shipment.eta}" is not a date` });
  if (!Number.isNaN(etd) && !Number.isNaN(eta) && eta < etd) {
    problems.push({ field: 'eta', message: `eta ${shipment.eta} is before etd ${shipment.etd}` });
  }
  return problems;
}
