import type { DocumentFormat } from '../ports/trade-documents';
import { customsCsv, customsJson } from './customs-data';
import { renderDocumentPdf } from './render-pdf';
import type { TradeDocument } from './trade-document';

/** The files of one numbered document: always a PDF; the customs data also as JSON and CSV. */
export async function documentFiles(
  document: TradeDocument,
): Promise<Partial<Record<DocumentFormat, Uint8Array>>> {
  const pdf = await renderDocumentPdf(document);
  if (document.kind !== 'customs-declaration') return { pdf };
  return {
    pdf,
    json: new TextEncoder().encode(customsJson(document)),
    csv: new TextEncoder().encode(customsCsv(document)),
  };
}
