import { type Money, multiply, sum } from '../domain/money';
import { exporterParty } from './build-documents';
import { chargesFor } from './charges';
import type { CompanyDetails } from './company-details';
import { renderDocumentPdf } from './render-pdf';
import type { Party, TradeDocument } from './trade-document';

/**
 * A proforma invoice from plain figures, for a quote (which has no order yet): the quote's lines,
 * prices and charges, its validity. Freight and insurance quoted as amounts are shown apart and added
 * to the total; left out, the document says who bears them under the Incoterm.
 */
export interface ProformaInput {
  number: string;
  /** yyyy-mm-dd. */
  date: string;
  version?: number;
  /** What it is for, e.g. `{ label: 'Quote', value: 'quo_…' }`. */
  reference: { label: string; value: string };
  company: CompanyDetails;
  consignee: Party;
  buyerPo?: string;
  incoterm: { code: string; place: string };
  paymentTerms: string;
  currency: string;
  lines: {
    sku: string;
    description: string;
    hsCode?: string;
    originCountry?: string;
    quantity: number;
    unit?: string;
    unitPrice: Money;
    /** Unit weights; the line shows them × quantity. */
    unitNetWeightKg?: number;
    unitGrossWeightKg?: number;
  }[];
  freight?: Money;
  insurance?: Money;
  /** yyyy-mm-dd: the quote's validity, printed on the document. */
  validUntil?: string;
  notes?: string[];
}

const round3 = (kg: number) => Math.round(kg * 1000) / 1000;

export function proformaDocument(input: ProformaInput): TradeDocument {
  const lines = input.lines.map((line, index) => ({
    lineNo: index + 1,
    sku: line.sku,
    description: line.description,
    ...(line.hsCode ? { hsCode: line.hsCode } : {}),
    ...(line.originCountry ? { originCountry: line.originCountry } : {}),
    quantity: line.quantity,
    unit: line.unit ?? 'pcs',
    unitPrice: line.unitPrice,
    amount: multiply(line.unitPrice, line.quantity),
    ...(line.unitNetWeightKg !== undefined
      ? { netWeightKg: round3(line.unitNetWeightKg * line.quantity) }
      : {}),
    ...(line.unitGrossWeightKg !== undefined
      ? { grossWeightKg: round3(line.unitGrossWeightKg * line.quantity) }
      : {}),
  }));
  const goods = sum(
    input.currency,
    lines.map((line) => line.amount),
  );
  const said = chargesFor(input.incoterm);
  const freight = input.freight ? { amount: input.freight, note: 'Freight' } : said.freight;
  const insurance = input.insurance ? { amount: input.insurance, note: 'Insurance' } : said.insurance;
  const extras = [input.freight, input.insurance].filter((money): money is Money => Boolean(money));
  const weights = (pick: (line: (typeof lines)[number]) => number | undefined) => {
    const values = lines.map(pick);
    return values.length && values.every((value) => value !== undefined)
      ? round3((values as number[]).reduce((a, b) => a + b, 0))
      : undefined;
  };
  const net = weights((line) => line.netWeightKg);
  const gross = weights((line) => line.grossWeightKg);
  return {
    kind: 'proforma-invoice',
    title: 'Proforma Invoice',
    number: input.number,
    date: input.date,
    version: input.version ?? 1,
    reference: input.reference,
    ...(input.buyerPo ? { buyerPo: input.buyerPo } : {}),
    exporter: exporterParty(input.company),
    consignee: input.consignee,
    incoterm: input.incoterm,
    paymentTerms: input.paymentTerms,
    currency: input.currency,
    lines,
    freight,
    insurance,
    totals: {
      goods,
      total: sum(input.currency, [goods, ...extras]),
      quantity: lines.reduce((total, line) => total + line.quantity, 0),
      ...(net !== undefined ? { netWeightKg: net } : {}),
      ...(gross !== undefined ? { grossWeightKg: gross } : {}),
    },
    ...(input.company.bank ? { bank: input.company.bank } : {}),
    notes: [...(input.validUntil ? [`Valid until ${input.validUntil}.`] : []), ...(input.notes ?? [])],
    ...(input.company.logo ? { logo: input.company.logo } : {}),
  };
}

/** The proforma invoice's PDF from plain figures (quotes use this; orders go through issue-documents). */
export function renderProformaInvoice(input: ProformaInput): Promise<Uint8Array> {
  return renderDocumentPdf(proformaDocument(input));
}
