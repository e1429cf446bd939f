import type { DocumentKind } from '../ports/trade-documents';

/**
 * The trade documents a buyer may open from the tracking page and emails. The customs declaration
 * data sheet is for the customs broker and staff, never on the public page.
 */
export const BUYER_DOCUMENT_KINDS = [
  'proforma-invoice',
  'order-confirmation',
  'commercial-invoice',
  'packing-list',
] as const satisfies readonly DocumentKind[];
export type BuyerDocumentKind = (typeof BUYER_DOCUMENT_KINDS)[number];

export function isBuyerDocumentKind(kind: string): kind is BuyerDocumentKind {
  return (BUYER_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** The documents the shipment email links to: what the buyer's customs broker asks for. */
export const SHIPMENT_DOCUMENT_KINDS: readonly BuyerDocumentKind[] = ['commercial-invoice', 'packing-list'];
