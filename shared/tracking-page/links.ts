import type { BuyerDocumentKind } from './buyer-documents';

/** The tracking page's path under the API, and its documents' (routes.ts serves both). */
export const TRACKING_PAGE_PATH = '/track/';

export interface TrackingPageUrls {
  page(token: string): string;
  /** A later shipment's own document (partial shipments) has `?shipment=<n>`. */
  document(token: string, kind: BuyerDocumentKind, shipmentNo?: number): string;
}

/** `?shipment=2` for a document of a shipment after the first (shipment 1's are the order's as ever). */
const shipmentQuery = (shipmentNo?: number) =>
  shipmentNo && shipmentNo > 1 ? `?shipment=${shipmentNo}` : '';

/**
 * A document's link as the page itself writes it, relative to the page (`/…/track/<token>`): right
 * on AWS (under the stage) and locally alike, and the page's function needs no API URL (an API
 * function that did would make a deploy-time cycle: the API needs the function, the function the API).
 */
export function documentUrlFromPage(token: string, kind: BuyerDocumentKind, shipmentNo?: number): string {
  return `${token}/documents/${kind}${shipmentQuery(shipmentNo)}`;
}

/** Absolute links on the API's base URL (`API_BASE_URL`, with its stage on AWS). */
export function trackingPageUrls(apiBaseUrl: string): TrackingPageUrls {
  const base = apiBaseUrl.replace(/\/+$/, '');
  return {
    page: (token) => `${base}${TRACKING_PAGE_PATH}${token}`,
    document: (token, kind, shipmentNo) =>
      `${base}${TRACKING_PAGE_PATH}${token}/documents/${kind}${shipmentQuery(shipmentNo)}`,
  };
}
