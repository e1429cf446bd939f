import { DOCUMENT_CONTENT_TYPES } from '../../documents/content-types';
import { allowsPartialShipments } from '../../domain/shipments';
import { InvalidInputError, NotFoundError } from '../../errors';
import type { Caller } from '../../http/caller';
import type { OrderRepository } from '../../ports/orders';
import type {
  DocumentFormat,
  DocumentKind,
  StoredDocument,
  TradeDocumentStore,
} from '../../ports/trade-documents';
import { makeGetOrder } from '../get-order';
import { documentTasksView, documentView } from './document-views';

export interface ReadDocumentsDeps {
  orders: OrderRepository;
  documents: TradeDocumentStore;
}

/** GET /orders/{id}/documents: every version of every document of an order the caller may see. */
export function makeListDocuments({ orders, documents }: ReadDocumentsDeps) {
  const getOrder = makeGetOrder({ orders });
  return async (orderId: string, caller: Caller) => {
    const order = await getOrder(orderId, caller);
    const stored = await documents.list(order.orderId);
    return {
      orderId: order.orderId,
      documents: stored.map(documentView),
      ...(allowsPartialShipments(order) ? { shipments: byShipment(stored) } : {}),
      tasks: documentTasksView(order),
    };
  };
}

/** The shipping documents of each shipment, in shipment order (every version, newest first). */
function byShipment(stored: StoredDocument[]) {
  const numbers = [...new Set(stored.flatMap((d) => (d.shipmentNo === undefined ? [] : [d.shipmentNo])))];
  return numbers
    .sort((a, b) => a - b)
    .map((shipmentNo) => ({
      shipmentNo,
      documents: stored.filter((d) => d.shipmentNo === shipmentNo).map(documentView),
    }));
}

export interface DocumentFile {
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

/**
 * GET /orders/{id}/documents/{kind}: one file of a document, the newest version unless `version` is
 * given. JSON and CSV exist for the customs data only (400 for another kind; nothing is guessed).
 */
export function makeGetDocument({ orders, documents }: ReadDocumentsDeps) {
  const getOrder = makeGetOrder({ orders });
  return async (
    orderId: string,
    kind: DocumentKind,
    options: { format?: DocumentFormat; version?: number; shipmentNo?: number },
    caller: Caller,
  ): Promise<DocumentFile> => {
    const order = await getOrder(orderId, caller);
    const format = options.format ?? 'pdf';
    if (format !== 'pdf' && kind !== 'customs-declaration') {
      throw new InvalidInputError(
        `format ${format} exists for customs-declaration only; ${kind} is a PDF`,
        'format',
      );
    }
    // An order shipped in parts: a later shipment's own documents (shipment 1's are the order's).
    const shipmentNo = options.shipmentNo ?? 1;
    const ofShipment = shipmentNo > 1 ? ` for shipment ${shipmentNo}` : '';
    const document =
      options.version === undefined
        ? await documents.latest(order.orderId, kind, options.shipmentNo)
        : (await documents.list(order.orderId)).find(
            (d) => d.kind === kind && d.version === options.version && (d.shipmentNo ?? 1) === shipmentNo,
          );
    if (!document) {
      throw new NotFoundError(
        options.version === undefined
          ? `no ${kind} has been issued for order ${orderId}${ofShipment} yet`
          : `order ${orderId} has no version ${options.version} of its ${kind}${ofShipment}`,
      );
    }
    const body = await documents.read(document, format);
    return {
      body,
      contentType: DOCUMENT_CONTENT_TYPES[format],
      fileName: `${document.number}-v${document.version}.${format}`,
    };
  };
}
