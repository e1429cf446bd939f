import type { CustomerRepository } from '../ports/customers';
import type { OrderRepository } from '../ports/orders';
import type { TrackingTokens } from '../ports/tracking-tokens';
import type { TradeDocumentStore } from '../ports/trade-documents';
import type { BuyerDocumentKind } from '../tracking-page/buyer-documents';
import { isWellFormedToken } from '../tracking-page/token';
import { type TrackingView, trackingView } from '../tracking-page/tracking-view';

export interface GetTrackingPageDeps {
  tokens: TrackingTokens;
  orders: OrderRepository;
  customers: CustomerRepository;
  documents: TradeDocumentStore;
  /** Where the page links a document (documentUrlFromPage); a later shipment's with its number. */
  documentUrl: (token: string, kind: BuyerDocumentKind, shipmentNo?: number) => string;
}

export interface TrackingPage {
  view: TrackingView;
  /** The customer's language (BCP 47), which the page is written in. */
  language: string;
}

/**
 * The public tracking page of the order a token opens, or undefined when it opens none (malformed,
 * unknown, or not the order's token any more): the caller answers every such case with the same 404.
 */
export function makeGetTrackingPage({
  tokens,
  orders,
  customers,
  documents,
  documentUrl,
}: GetTrackingPageDeps) {
  return async (token: string | undefined): Promise<TrackingPage | undefined> => {
    if (!isWellFormedToken(token)) return undefined;
    const orderId = await tokens.resolve(token);
    const order = orderId ? await orders.get(orderId) : undefined;
    if (!order) return undefined;
    const [customer, issued] = await Promise.all([
      customers.get(order.customerId),
      documents.list(order.orderId),
    ]);
    return {
      view: trackingView(order, issued, (kind, shipmentNo) => documentUrl(token, kind, shipmentNo)),
      language: customer?.language ?? 'en',
    };
  };
}
