import type { DocumentFormat } from '../ports/trade-documents';

/**
 * Each document format's content type, as stored and as served. Its own file so that the routes that
 * only read documents do not bundle the PDF renderer (pdf-lib is ~430 KB of a function's bundle).
 */
export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};
