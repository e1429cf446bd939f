import type { BuyerEmailType, BuyerLinks } from '../email/buyer-catalog';
import type { TrackingTokens } from '../ports/tracking-tokens';
import type { TradeDocumentStore } from '../ports/trade-documents';
import { SHIPMENT_DOCUMENT_KINDS } from '../tracking-page/buyer-documents';
import type { TrackingPageUrls } from '../tracking-page/links';

export interface BuyerLinksDeps {
  trackingTokens: TrackingTokens;
  documents: TradeDocumentStore;
  trackingUrls: TrackingPageUrls;
}

/**
 * The links of a buyer email: the order's tracking page (its token is made now if the order has none,
 * e.g. an order placed before tracking pages existed), and for the shipment email the commercial
 * invoice and packing list issued so far, each through the tracking page (no login, no expiry).
 */
export async function buyerLinks(
  { trackingTokens, documents, trackingUrls }: BuyerLinksDeps,
  type: BuyerEmailType,
  orderId: string,
  /** The shipment the email is about (an order shipped in parts): its own documents are linked. */
  shipmentNo?: number,
): Promise<BuyerLinks> {
  const token = await trackingTokens.issue(orderId);
  const kinds = type === 'ShipmentDispatched' ? SHIPMENT_DOCUMENT_KINDS : [];
  const issued = await Promise.all(kinds.map((kind) => documents.latest(orderId, kind, shipmentNo)));
  return {
    trackingPage: trackingUrls.page(token),
    documents: issued.flatMap((document, index) =>
      document?.files.pdf
        ? [
            {
              kind: kinds[index],
              number: document.number,
              url: trackingUrls.document(token, kinds[index], shipmentNo),
            },
          ]
        : [],
    ),
  };
}
