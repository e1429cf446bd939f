import type { DocumentKind } from '../ports/trade-documents';

/** Each kind's prefix in its numbers: `CI-2026-000123` is commercial invoice 123 of 2026. */
export const DOCUMENT_PREFIX: Record<DocumentKind, string> = {
  'proforma-invoice': 'PI',
  'order-confirmation': 'OC',
  'commercial-invoice': 'CI',
  'packing-list': 'PL',
  'customs-declaration': 'CD',
};

/** What a number counts in: one sequence per kind and calendar year (UTC). */
export function numberSeries(kind: DocumentKind, issuedAt: string): string {
  return `${DOCUMENT_PREFIX[kind]}-${issuedAt.slice(0, 4)}`;
}

export function formatDocumentNumber(series: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${series}-${String(sequence).padStart(6, '0')}`;
}

const NUMBER = /^(PI|OC|CI|PL|CD)-(\d{4})-(\d{6,})$/;

export function isDocumentNumber(text: string): boolean {
  return NUMBER.test(text);
}
