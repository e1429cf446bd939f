import type { TrackingTokens } from '../ports/tracking-tokens';
import type { TradeDocumentStore } from '../ports/trade-documents';
import { isBuyerDocumentKind } from '../tracking-page/buyer-documents';
import { isWellFormedToken } from '../tracking-page/token';

export interface GetTrackingDocumentDeps {
  tokens: TrackingTokens;
  documents: TradeDocumentStore;
}

export interface TrackingDocument {
  /** `CI-2026-000123.pdf`. */
  filename: string;
  bytes: Uint8Array;
}

/**
 * The newest PDF of one buyer document of the order a token opens; undefined when the token opens no
 * order, the kind is not a buyer's (the customs sheet never is) or the document is not issued yet.
 */
export function makeGetTrackingDocument({ tokens, documents }: GetTrackingDocumentDeps) {
  return async (
    token: string | undefined,
    kind: string | undefined,
  ): Promise<TrackingDocument | undefined> => {
    if (!isWellFormedToken(token) || !kind || !isBuyerDocumentKind(kind)) return undefined;
    const orderId = await tokens.resolve(token);
    if (!orderId) return undefined;
    const document = await documents.latest(orderId, kind);
    if (!document?.files.pdf) return undefined;
    return { filename: `${document.number}.pdf`, bytes: await documents.read(document, 'pdf') };
  };
}
