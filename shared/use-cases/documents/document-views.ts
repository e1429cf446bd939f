import type { Order } from '../../domain/order';
import type { DocumentFormat, StoredDocument } from '../../ports/trade-documents';

/** The API path that downloads one file of one version (what the listing links to). */
export function documentHref(
  document: Pick<StoredDocument, 'orderId' | 'kind' | 'version' | 'shipmentNo'>,
  format: DocumentFormat,
): string {
  const query = new URLSearchParams({
    version: String(document.version),
    ...(format === 'pdf' ? {} : { format }),
    ...(document.shipmentNo && document.shipmentNo > 1 ? { shipmentNo: String(document.shipmentNo) } : {}),
  });
  return `/orders/${document.orderId}/documents/${document.kind}?${query}`;
}

export function documentView(document: StoredDocument) {
  return {
    kind: document.kind,
    number: document.number,
    version: document.version,
    issuedAt: document.issuedAt,
    ...(document.shipmentNo !== undefined ? { shipmentNo: document.shipmentNo } : {}),
    files: (Object.entries(document.files) as [DocumentFormat, { bytes: number }][]).map(
      ([format, file]) => ({
        format,
        bytes: file.bytes,
        href: documentHref(document, format),
      }),
    ),
  };
}

export function documentTasksView(order: Order) {
  return (order.documentTasks ?? []).map((task) => ({
    set: task.set,
    summary: task.summary,
    problems: task.problems,
    since: task.since,
  }));
}
