import type { BuyerDocumentKind } from './buyer-documents';

/** The tracking page's path under the API, and its documents' (routes.ts serves both). */
export const TRACKING_PAGE_PATH = '/track/';

export interface TrackingPageUrls {
  page(token: string): string;
  document(token: string, kind: BuyerDocumentKind): string;
}

/**
 * A document's link as the page itself writes it, relative to the page (`/…/track/<token>`): right
 * on AWS (under the stage) and locally alike, and the page's function needs no API URL (an API
 * function that did would make a deploy-time cycle: the API needs the function, the function the API).
 */
export function documentUrlFromPage(token: string, kind: BuyerDocumentKind): string {
  return `${token}/documents/${kind}`;
}

/** Absolute links on the API's base URL (`API_BASE_URL`, with its stage on AWS). */
export function trackingPageUrls(apiBaseUrl: string): TrackingPageUrls {
  const base = apiBaseUrl.replace(/\/+$/, '');
  return {
    page: (token) => `${base}${TRACKING_PAGE_PATH}${token}`,
    document: (token, kind) => `${base}${TRACKING_PAGE_PATH}${token}/documents/${kind}`,
  };
}
