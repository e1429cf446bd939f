import type { DocumentKind } from './trade-documents';

/** Document numbers, one sequence per kind and year (`CI-2026-000123`). */
export interface DocumentNumbers {
  /**
   * The number of the order's document of this kind: taken from the series' counter the first time,
   * the same one ever after (a regenerated version keeps its number). Each shipment after the first
   * of an order shipped in parts (`shipmentNo` > 1) has documents of its own, with numbers of their own.
   */
  numberFor(orderId: string, kind: DocumentKind, series: string, shipmentNo?: number): Promise<string>;
}
