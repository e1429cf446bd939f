import { formatAmount } from '../domain/money';
import type { TradeDocument } from './trade-document';

/**
 * The customs declaration data sheet as data, for a broker's software: JSON (the whole document,
 * amounts as decimal strings) and CSV (one row per line, with the header fields repeated, RFC 4180).
 * Unicode text is kept as is here (only the PDF is limited to WinAnsi).
 */
export function customsJson(document: TradeDocument): string {
  const amount = (money: { currency: string; minor: number }) => formatAmount(money);
  return `${JSON.stringify(
    {
      documentNumber: document.number,
      version: document.version,
      date: document.date,
      reference: document.reference.value,
      buyerPo: document.buyerPo,
      exporter: document.exporter,
      consignee: document.consignee,
      incoterm: document.incoterm,
      paymentTerms: document.paymentTerms,
      currency: document.currency,
      transport: document.transport ?? null,
      lines: document.lines.map((line) => ({
        lineNo: line.lineNo,
        sku: line.sku,
        description: line.description,
        hsCode: line.hsCode,
        originCountry: line.originCountry,
        quantity: line.quantity,
        unit: line.unit,
        unitPrice: amount(line.unitPrice),
        amount: amount(line.amount),
        netWeightKg: line.netWeightKg,
        grossWeightKg: line.grossWeightKg,
      })),
      packages: document.packages ?? [],
      freight: document.freight.amount ? amount(document.freight.amount) : document.freight.note,
      insurance: document.insurance.amount ? amount(document.insurance.amount) : document.insurance.note,
      totals: {
        goods: amount(document.totals.goods),
        total: amount(document.totals.total),
        quantity: document.totals.quantity,
        netWeightKg: document.totals.netWeightKg,
        grossWeightKg: document.totals.grossWeightKg,
        packageCount: document.totals.packageCount,
        volumeM3: document.totals.volumeM3,
      },
    },
    null,
    2,
  )}\n`;
}

const CSV_COLUMNS = [
  'documentNumber',
  'date',
  'reference',
  'exporter',
  'exporterCountry',
  'consignee',
  'consigneeCountry',
  'incoterm',
  'currency',
  'transportMode',
  'vesselOrFlight',
  'transportDocumentNo',
  'lineNo',
  'sku',
  'description',
  'hsCode',
  'originCountry',
  'quantity',
  'unit',
  'unitPrice',
  'amount',
  'netWeightKg',
  'grossWeightKg',
] as const;

export function customsCsv(document: TradeDocument): string {
  const header = {
    documentNumber: document.number,
    date: document.date,
    reference: document.reference.value,
    exporter: document.exporter.name,
    exporterCountry: document.exporter.country,
    consignee: document.consignee.name,
    consigneeCountry: document.consignee.country,
    incoterm: `${document.incoterm.code} ${document.incoterm.place}`,
    currency: document.currency,
    transportMode: document.transport?.mode ?? '',
    vesselOrFlight: document.transport?.vesselOrFlight ?? '',
    transportDocumentNo: document.transport?.transportDocumentNo ?? '',
  };
  const rows = document.lines.map((line) => ({
    ...header,
    lineNo: String(line.lineNo),
    sku: line.sku,
    description: line.description,
    hsCode: line.hsCode ?? '',
    originCountry: line.originCountry ?? '',
    quantity: String(line.quantity),
    unit: line.unit,
    unitPrice: formatAmount(line.unitPrice),
    amount: formatAmount(line.amount),
    netWeightKg: line.netWeightKg === undefined ? '' : String(line.netWeightKg),
    grossWeightKg: line.grossWeightKg === undefined ? '' : String(line.grossWeightKg),
  }));
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((column) => csvField(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
