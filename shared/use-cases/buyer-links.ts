import type { Order } from '../domain/order';
import type { BuyerEmailType, BuyerLinks } from '../email/buyer-catalog';
import type { TrackingTokens } from '../ports/tracking-tokens';
import { SHIPMENT_DOCUMENT_KINDS } from '../tracking-page/buyer-documents';
import type { TrackingPageUrls } from '../tracking-page/links';

export interface BuyerLinksDeps {
  trackingTokens: TrackingTokens;
  trackingUrls: TrackingPageUrls;
}

/**
 * The links of a buyer email: the order's tracking page (its token is made now if the order has none,
 * e.g. an order placed before tracking pages existed), and for the shipment email the commercial
 * invoice and packing list issued so far (as the order lists them: every version keeps its number),
 * each through the tracking page, which serves the newest version (no login, no expiry).
 */
export async function buyerLinks(
  { trackingTokens, trackingUrls }: BuyerLinksDeps,
  type: BuyerEmailType,
  order: Pick<Order, 'orderId' | 'documents'>,
  /** The shipment the email is about (an order shipped in parts): its own documents are linked. */
  shipmentNo?: number,
): Promise<BuyerLinks> {
  const token = await trackingTokens.issue(order.orderId);
  const kinds = type === 'ShipmentDispatched' ? SHIPMENT_DOCUMENT_KINDS : [];
  const listed = order.documents ?? [];
  return {
    trackingPage: trackingUrls.page(token),
    documents: kinds.flatMap((kind) => {
      const issued = listed.find(
        (document) => document.kind === kind && (document.shipmentNo ?? 1) === (shipmentNo ?? 1),
      );
      return issued
        ? [{ kind, number: issued.number, url: trackingUrls.document(token, kind, shipmentNo) }]
        : [];
    }),
  };
}
