import type { Money } from '../domain/money';
import type { DocumentKind } from '../ports/trade-documents';

/**
 * What a trade document says, as plain data: built from an order (build-documents.ts) or, for a
 * proforma invoice, from a quote's figures (proforma.ts); rendered to PDF (render-pdf.ts) and, for
 * customs, to JSON and CSV (customs-data.ts). No AWS, no order repository: pure.
 */
export interface Party {
  name: string;
  /** A person to attend, when the party is a company (the ship-to name). */
  attention?: string;
  addressLines: string[];
  country: string;
  registrations?: { label: string; value: string }[];
  email?: string;
  phone?: string;
}

export interface DocumentLine {
  lineNo: number;
  sku: string;
  description: string;
  /** Harmonized System code as the product has it (6–10 digits, dots allowed). */
  hsCode?: string;
  /** ISO 3166-1 alpha-2. */
  originCountry?: string;
  quantity: number;
  unit: string;
  unitPrice: Money;
  amount: Money;
  /** Totals for the line (unit weight × quantity), when the product has unit weights. */
  netWeightKg?: number;
  grossWeightKg?: number;
}

export interface PackageRow {
  /** 1-based. */
  packageNo: number;
  /** Shipping marks, as stencilled: order, consignee's PO, destination, "n/N". */
  marks: string;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  grossWeightKg: number;
  /** Net weight of the contents, when every product in it has a unit net weight. */
  netWeightKg?: number;
  contents: { sku: string; quantity: number }[];
}

export interface Transport {
  mode?: string;
  carrier?: string;
  vesselOrFlight?: string;
  portOfLoading?: string;
  portOfDischarge?: string;
  /** What the transport document is called for the mode (bill of lading (B/L), air waybill (AWB)…). */
  transportDocumentName?: string;
  transportDocumentNo?: string;
  etd?: string;
  eta?: string;
}

/** Freight or insurance: an amount invoiced apart, or words saying who bears it under the Incoterm. */
export interface Charge {
  amount?: Money;
  note: string;
}

export interface BankDetails {
  bankName: string;
  accountName: string;
  iban?: string;
  accountNumber?: string;
  swift?: string;
  address?: string;
}

export interface TradeDocument {
  kind: DocumentKind;
  title: string;
  /** `CI-2026-000123`; a regeneration keeps the number and adds a version. */
  number: string;
  /** yyyy-mm-dd. */
  date: string;
  version: number;
  /** The order it is for; for a quote's proforma, the quote id. */
  reference: { label: string; value: string };
  buyerPo?: string;
  exporter: Party;
  consignee: Party;
  /** The buyer billed, when not the consignee. */
  buyer?: Party;
  incoterm: { code: string; place: string };
  paymentTerms: string;
  currency: string;
  transport?: Transport;
  lines: DocumentLine[];
  packages?: PackageRow[];
  freight: Charge;
  insurance: Charge;
  totals: {
    goods: Money;
    /** Goods plus freight and insurance invoiced apart. */
    total: Money;
    quantity: number;
    netWeightKg?: number;
    grossWeightKg?: number;
    packageCount?: number;
    volumeM3?: number;
  };
  bank?: BankDetails;
  /** Extra lines printed under the totals (validity, declarations, warnings). */
  notes: string[];
  logo?: { contentType: 'image/png' | 'image/jpeg'; base64: string };
}

/** The document before it is numbered: what is compared to tell a changed document from a repeat. */
export type DocumentDraft = Omit<TradeDocument, 'number' | 'date' | 'version'>;

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  'proforma-invoice': 'Proforma Invoice',
  'order-confirmation': 'Order Confirmation (Sales Contract)',
  'commercial-invoice': 'Commercial Invoice',
  'packing-list': 'Packing List',
  'customs-declaration': 'Customs Declaration Data',
};

/** Which documents are issued together, and when. */
export const DOCUMENT_SETS = {
  /** Once the order is confirmed. */
  confirmation: ['proforma-invoice', 'order-confirmation'],
  /** Once packing is recorded, and again (version 2) once the shipment's transport is known. */
  shipping: ['commercial-invoice', 'packing-list', 'customs-declaration'],
} as const satisfies Record<string, readonly DocumentKind[]>;
export type DocumentSet = keyof typeof DOCUMENT_SETS;
export const DOCUMENT_SET_NAMES = Object.keys(DOCUMENT_SETS) as DocumentSet[];
