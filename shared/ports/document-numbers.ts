import type { DocumentKind } from './trade-documents';

/** Document numbers, one sequence per kind and year (`CI-2026-000123`). */
export interface DocumentNumbers {
  /**
   * The number of the order's document of this kind: taken from the series' counter the first time,
   * the same one ever after (a regenerated version keeps its number).
   */
  numberFor(orderId: string, kind: DocumentKind, series: string): Promise<string>;
}
