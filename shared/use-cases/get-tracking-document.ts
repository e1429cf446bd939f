import type { PdfLinks } from '../ports/pdf-links';
import type { TrackingTokens } from '../ports/tracking-tokens';
import type { TradeDocumentStore } from '../ports/trade-documents';
import { isBuyerDocumentKind } from '../tracking-page/buyer-documents';
import { isWellFormedToken } from '../tracking-page/token';

export interface GetTrackingDocumentDeps {
  tokens: TrackingTokens;
  documents: TradeDocumentStore;
  links: PdfLinks;
}

/** `CI-2026-000123.pdf`, and either its bytes or a short-lived link to them. */
export type TrackingDocument = { filename: string } & ({ bytes: Uint8Array } | { url: string });

/**
 * The newest PDF of one buyer document of the order a token opens; undefined when the token opens no
 * order, the kind is not a buyer's (the customs sheet never is) or the document is not issued yet.
 * The bytes when the caller asked for a PDF (`Accept: application/pdf`); otherwise, a browser
 * following the page's link, a presigned link to the file (API Gateway would send it base64 text).
 */
export function makeGetTrackingDocument({ tokens, documents, links }: GetTrackingDocumentDeps) {
  return async (
    token: string | undefined,
    kind: string | undefined,
    answer: { asBytes: boolean },
    /** A later shipment's own document (`?shipment=<n>`, partial shipments). */
    shipmentNo?: number,
  ): Promise<TrackingDocument | undefined> => {
    if (!isWellFormedToken(token) || !kind || !isBuyerDocumentKind(kind)) return undefined;
    const orderId = await tokens.resolve(token);
    if (!orderId) return undefined;
    const document = await documents.latest(orderId, kind, shipmentNo);
    const file = document?.files.pdf;
    if (!document || !file) return undefined;
    const filename = `${document.number}.pdf`;
    return answer.asBytes
      ? { filename, bytes: await documents.read(document, 'pdf') }
      : { filename, url: await links.link(file.key, filename) };
  };
}
