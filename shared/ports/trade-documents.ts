/**
 * Trade documents generated from an order (the documents issue): kept in S3, every version kept.
 * The documents helper implements this; the tracking page and buyer emails read through it.
 */
export const DOCUMENT_KINDS = [
  'proforma-invoice',
  'order-confirmation',
  'commercial-invoice',
  'packing-list',
  'customs-declaration',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type DocumentFormat = 'pdf' | 'json' | 'csv';

export interface StoredDocument {
  orderId: string;
  kind: DocumentKind;
  /** Numbered per kind and year, e.g. `CI-2026-000123`; a regenerated version keeps its number. */
  number: string;
  /** 1, 2, …: a regeneration after a change adds a version and keeps the earlier ones. */
  version: number;
  issuedAt: string;
  /** The files of this version, by format (every kind has a PDF; customs data also JSON and CSV). */
  files: Partial<Record<DocumentFormat, { key: string; bytes: number }>>;
  /** A hash of what the document says (not of its number or date): the same content adds no version. */
  contentHash?: string;
  /**
   * The shipment a shipping document is for, on an order that allows partial shipments: each shipment
   * has its own commercial invoice, packing list and customs data, numbered and versioned on their own.
   */
  shipmentNo?: number;
}

/** A new version to keep: its files, and what identifies its content. */
export interface NewDocumentVersion {
  orderId: string;
  kind: DocumentKind;
  number: string;
  /** The newest version + 1 (printed on the document); a version already kept is a ConcurrentUpdateError. */
  version: number;
  issuedAt: string;
  contentHash: string;
  files: Partial<Record<DocumentFormat, Uint8Array>>;
  /** The shipment it is for (partial shipments); shipment 1 is kept where an ordinary order's are. */
  shipmentNo?: number;
}

export interface TradeDocumentStore {
  /** Every version of every document of the order, newest first. */
  list(orderId: string): Promise<StoredDocument[]>;
  /** The newest version of one kind (of one shipment, 1 by default), if issued. */
  latest(orderId: string, kind: DocumentKind, shipmentNo?: number): Promise<StoredDocument | undefined>;
  /** The bytes of one file of a version. */
  read(document: StoredDocument, format: DocumentFormat): Promise<Uint8Array>;
  /**
   * Keeps a new version: its files first, then the entry that lists it, so a version is seen only
   * whole. Earlier versions are never changed; if `version` is already kept, ConcurrentUpdateError.
   */
  save(version: NewDocumentVersion): Promise<StoredDocument>;
}
