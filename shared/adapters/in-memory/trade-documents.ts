import { ConcurrentUpdateError } from '../../errors';
import type { StoredDocument, TradeDocumentStore } from '../../ports/trade-documents';

/** For unit tests: the documents' contract on a Map (key → bytes), versions numbered as the S3 adapter does. */
export function makeInMemoryTradeDocumentStore() {
  const documents: StoredDocument[] = [];
  const files = new Map<string, Uint8Array>();
  const store: TradeDocumentStore = {
    async list(orderId) {
      return documents
        .filter((document) => document.orderId === orderId)
        .sort(
          (a, b) =>
            b.issuedAt.localeCompare(a.issuedAt) || a.kind.localeCompare(b.kind) || b.version - a.version,
        )
        .map((document) => structuredClone(document));
    },
    async latest(orderId, kind, shipmentNo) {
      const found = documents.filter(
        (document) =>
          document.orderId === orderId &&
          document.kind === kind &&
          (document.shipmentNo ?? 1) === (shipmentNo ?? 1),
      );
      const newest = found.sort((a, b) => b.version - a.version)[0];
      return newest && structuredClone(newest);
    },
    async read(document, format) {
      const key = document.files[format]?.key;
      const body = key ? files.get(key) : undefined;
      if (!body) throw new Error(`${document.kind} v${document.version} has no ${format} file`);
      return body;
    },
    async save(draft) {
      const version = draft.version;
      if (
        documents.some(
          (d) =>
            d.orderId === draft.orderId &&
            d.kind === draft.kind &&
            d.version === version &&
            (d.shipmentNo ?? 1) === (draft.shipmentNo ?? 1),
        )
      )
        throw new ConcurrentUpdateError(`${draft.kind} v${version} of ${draft.orderId} is already kept`);
      const stored: StoredDocument = {
        orderId: draft.orderId,
        kind: draft.kind,
        number: draft.number,
        version,
        issuedAt: draft.issuedAt,
        contentHash: draft.contentHash,
        files: {},
        ...(draft.shipmentNo !== undefined ? { shipmentNo: draft.shipmentNo } : {}),
      };
      const shipment = draft.shipmentNo && draft.shipmentNo > 1 ? `shipments/${draft.shipmentNo}/` : '';
      for (const [format, body] of Object.entries(draft.files)) {
        const key = `orders/${draft.orderId}/${shipment}${draft.kind}/v${version}/${draft.number}.${format}`;
        files.set(key, body);
        stored.files[format as keyof StoredDocument['files']] = { key, bytes: body.byteLength };
      }
      documents.push(stored);
      return structuredClone(stored);
    },
  };
  return store;
}
