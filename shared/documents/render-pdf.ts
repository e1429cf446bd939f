import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { dimensionsText, kgText, moneyText } from './format';
import type { Party, TradeDocument } from './trade-document';
import { toWinAnsi } from './win-ansi';

/**
 * Draws a trade document on A4 pages with pdf-lib's standard fonts (no font files to ship). Tables
 * continue on new pages with their header repeated; every page has the document number and "page n
 * of N". Text the fonts cannot draw is replaced (win-ansi.ts) and the document says so.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const LINE = 11;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.45, 0.45, 0.45);
const RULE = rgb(0.75, 0.75, 0.75);

export const NON_LATIN_NOTE =
  'Characters the PDF fonts cannot show are printed as "?"; the original text is in the JSON data of this document.';

interface Column {
  title: string;
  width: number;
  align?: 'right';
  /** Long text wraps onto more lines of the row (descriptions, marks) instead of being cut. */
  wrap?: boolean;
  cell: (index: number) => string;
}

class Canvas {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  replaced = false;
  private readonly drawable: ReadonlySet<number>;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.drawable = new Set(regular.getCharacterSet());
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  /** Room for `height` more points, else a new page. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + 20) return false;
    this.newPage();
    return true;
  }

  clean(text: string): string {
    const result = toWinAnsi(text, this.drawable);
    if (result.replaced) this.replaced = true;
    return result.text;
  }

  width(text: string, size: number, font = this.regular): number {
    return font.widthOfTextAtSize(text, size);
  }

  /** Draws at (x, y) without moving; text too wide for `maxWidth` is cut with an ellipsis. */
  text(
    raw: string,
    x: number,
    y: number,
    options: {
      size?: number;
      bold?: boolean;
      maxWidth?: number;
      align?: 'right';
      color?: ReturnType<typeof rgb>;
    } = {},
  ): void {
    const size = options.size ?? 8;
    const font = options.bold ? this.bold : this.regular;
    let text = this.clean(raw);
    if (options.maxWidth !== undefined && font.widthOfTextAtSize(text, size) > options.maxWidth) {
      while (text.length > 1 && font.widthOfTextAtSize(`${text}...`, size) > options.maxWidth)
        text = text.slice(0, -1);
      text = `${text}...`;
    }
    const dx = options.align === 'right' ? -font.widthOfTextAtSize(text, size) : 0;
    this.page.drawText(text, { x: x + dx, y, size, font, color: options.color ?? INK });
  }

  /** Word-wrapped lines of `raw` within `width`. */
  wrap(raw: string, width: number, size = 8, font = this.regular): string[] {
    const words = this.clean(raw).split(' ');
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !current) current = next;
      else {
        lines.push(current);
        current = word;
      }
    }
    if (current) lines.push(current);
    return lines;
  }

  paragraph(
    raw: string,
    options: {
      size?: number;
      x?: number;
      width?: number;
      bold?: boolean;
      color?: ReturnType<typeof rgb>;
    } = {},
  ): void {
    const size = options.size ?? 8;
    const x = options.x ?? MARGIN;
    const font = options.bold ? this.bold : this.regular;
    for (const line of this.wrap(raw, options.width ?? A4.width - 2 * MARGIN, size, font)) {
      this.ensure(LINE);
      this.page.drawText(line, { x, y: this.y, size, font, color: options.color ?? INK });
      this.y -= size + 3;
    }
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 3 },
      end: { x: A4.width - MARGIN, y: this.y + 3 },
      thickness: 0.5,
      color: RULE,
    });
  }

  table(columns: Column[], rows: number): void {
    const header = () => {
      this.ensure(LINE * 2);
      let x = MARGIN;
      for (const column of columns) {
        this.text(column.title, column.align === 'right' ? x + column.width - 2 : x, this.y, {
          bold: true,
          size: 7,
          align: column.align,
          maxWidth: column.width - 2,
        });
        x += column.width;
      }
      this.y -= 4;
      this.rule();
      this.y -= LINE - 2;
    };
    header();
    for (let row = 0; row < rows; row++) {
      const cells = columns.map((column) =>
        column.wrap ? this.wrap(column.cell(row), column.width - 4, 7.5) : [column.cell(row)],
      );
      const height = Math.max(...cells.map((lines) => lines.length)) * (LINE - 2) + 2;
      if (this.ensure(height)) header();
      let x = MARGIN;
      columns.forEach((column, c) => {
        cells[c].forEach((line, i) => {
          this.text(line, column.align === 'right' ? x + column.width - 2 : x, this.y - i * (LINE - 2), {
            size: 7.5,
            align: column.align,
            maxWidth: column.width - 4,
          });
        });
        x += column.width;
      });
      this.y -= height;
    }
    this.rule();
    this.y -= 6;
  }
}

export async function renderDocumentPdf(document: TradeDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${document.title} ${document.number}`);
  pdf.setSubject(`${document.reference.label} ${document.reference.value}`);
  pdf.setProducer('tradeflow');
  pdf.setCreator('tradeflow');
  // A fixed date: the same document renders to the same bytes (its issue date is printed on it).
  pdf.setCreationDate(new Date(`${document.date}T00:00:00Z`));
  pdf.setModificationDate(new Date(`${document.date}T00:00:00Z`));
  const canvas = new Canvas(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  const logo = await embedLogo(pdf, document.logo);

  drawHeading(canvas, document, logo);
  drawParties(canvas, document);
  drawTerms(canvas, document);
  if (document.kind === 'packing-list') drawPackingList(canvas, document);
  else drawLines(canvas, document);
  drawTotals(canvas, document);
  drawBank(canvas, document);
  drawNotes(canvas, document);
  drawFooters(canvas, document);
  return pdf.save();
}

async function embedLogo(pdf: PDFDocument, logo: TradeDocument['logo']): Promise<PDFImage | undefined> {
  if (!logo) return undefined;
  const bytes = Buffer.from(logo.base64, 'base64');
  try {
    return logo.contentType === 'image/png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  } catch {
    // A logo that is not the image it says it is is refused when saved (PUT /settings/company):
    // one that still fails here leaves the document without it rather than unissued.
    return undefined;
  }
}

function drawHeading(canvas: Canvas, document: TradeDocument, logo: PDFImage | undefined): void {
  const top = canvas.y;
  if (logo) {
    const scale = Math.min(120 / logo.width, 48 / logo.height, 1);
    canvas.page.drawImage(logo, {
      x: MARGIN,
      y: top - logo.height * scale + 8,
      width: logo.width * scale,
      height: logo.height * scale,
    });
  }
  const right = A4.width - MARGIN;
  canvas.text(document.title, right, top, { size: 15, bold: true, align: 'right' });
  canvas.text(`No. ${document.number}`, right, top - 18, { size: 9, bold: true, align: 'right' });
  canvas.text(`Date ${document.date}   Version ${document.version}`, right, top - 29, {
    size: 8,
    align: 'right',
  });
  canvas.text(`${document.reference.label} ${document.reference.value}`, right, top - 40, {
    size: 8,
    align: 'right',
  });
  canvas.y = top - 62;
}

function partyLines(party: Party): string[] {
  return [
    party.name,
    ...(party.attention ? [`Attn. ${party.attention}`] : []),
    ...party.addressLines,
    party.country,
    ...(party.registrations ?? []).map((id) => `${id.label}: ${id.value}`),
    ...(party.email ? [party.email] : []),
    ...(party.phone ? [party.phone] : []),
  ];
}

function drawParties(canvas: Canvas, document: TradeDocument): void {
  const columns: [string, Party][] = [
    ['Exporter / Seller', document.exporter],
    ['Consignee', document.consignee],
  ];
  if (document.buyer) columns.push(['Buyer', document.buyer]);
  const width = (A4.width - 2 * MARGIN) / columns.length;
  const top = canvas.y;
  let lowest = top;
  columns.forEach(([label, party], index) => {
    const x = MARGIN + index * width;
    canvas.text(label, x, top, { size: 7, bold: true, color: GREY });
    let y = top - LINE;
    for (const line of partyLines(party)) {
      canvas.text(line, x, y, { size: 8, maxWidth: width - 8, bold: line === party.name });
      y -= LINE - 1;
    }
    lowest = Math.min(lowest, y);
  });
  canvas.y = lowest - 6;
  canvas.rule();
  canvas.y -= 10;
}

function drawTerms(canvas: Canvas, document: TradeDocument): void {
  const t = document.transport;
  const pairs: [string, string][] = [
    ['Buyer PO', document.buyerPo ?? '-'],
    ['Incoterms 2020', `${document.incoterm.code} ${document.incoterm.place}`],
    ['Payment terms', document.paymentTerms],
    ['Currency', document.currency],
  ];
  if (document.kind !== 'proforma-invoice' && document.kind !== 'order-confirmation') {
    pairs.push(
      ['Transport', t ? [t.mode, t.carrier].filter(Boolean).join(', ') : 'to be advised at shipment'],
      ['Vessel / flight', t?.vesselOrFlight ?? '-'],
      ['Port of loading', t?.portOfLoading ?? '-'],
      ['Port of discharge', t?.portOfDischarge ?? '-'],
      [
        t?.transportDocumentName ? cap(t.transportDocumentName) : 'B/L or AWB no.',
        t?.transportDocumentNo ?? '-',
      ],
      ['ETD / ETA', t?.etd ? `${t.etd.slice(0, 10)} / ${t.eta?.slice(0, 10) ?? '-'}` : '-'],
    );
  }
  const half = (A4.width - 2 * MARGIN) / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    canvas.ensure(LINE);
    for (const [offset, pair] of [pairs[i], pairs[i + 1]].entries()) {
      if (!pair) continue;
      const x = MARGIN + offset * half;
      canvas.text(pair[0], x, canvas.y, { size: 7, bold: true, color: GREY });
      canvas.text(pair[1], x + 78, canvas.y, { size: 8, maxWidth: half - 84 });
    }
    canvas.y -= LINE;
  }
  canvas.y -= 4;
  canvas.rule();
  canvas.y -= 10;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function drawLines(canvas: Canvas, document: TradeDocument): void {
  const lines = document.lines;
  const columns: Column[] = [
    { title: 'No.', width: 22, cell: (i) => String(lines[i].lineNo) },
    {
      title: 'Description',
      width: 118,
      wrap: true,
      cell: (i) => `${lines[i].description} (${lines[i].sku})`,
    },
    { title: 'HS code', width: 52, cell: (i) => lines[i].hsCode ?? '-' },
    { title: 'Origin', width: 30, cell: (i) => lines[i].originCountry ?? '-' },
    { title: 'Qty', width: 36, align: 'right', cell: (i) => String(lines[i].quantity) },
    { title: 'Unit', width: 26, cell: (i) => lines[i].unit },
    { title: 'Unit price', width: 56, align: 'right', cell: (i) => moneyText(lines[i].unitPrice) },
    {
      title: `Amount ${document.currency}`,
      width: 64,
      align: 'right',
      cell: (i) => moneyText(lines[i].amount),
    },
    { title: 'Net kg', width: 55, align: 'right', cell: (i) => kgText(lines[i].netWeightKg) },
    { title: 'Gross kg', width: 56, align: 'right', cell: (i) => kgText(lines[i].grossWeightKg) },
  ];
  canvas.table(columns, lines.length);
}

function drawPackingList(canvas: Canvas, document: TradeDocument): void {
  const packages = document.packages ?? [];
  const lines = document.lines;
  canvas.table(
    [
      { title: 'No.', width: 22, cell: (i) => String(lines[i].lineNo) },
      {
        title: 'Description',
        width: 170,
        wrap: true,
        cell: (i) => `${lines[i].description} (${lines[i].sku})`,
      },
      { title: 'HS code', width: 60, cell: (i) => lines[i].hsCode ?? '-' },
      { title: 'Origin', width: 36, cell: (i) => lines[i].originCountry ?? '-' },
      { title: 'Qty', width: 50, align: 'right', cell: (i) => String(lines[i].quantity) },
      { title: 'Unit', width: 40, cell: (i) => lines[i].unit },
      { title: 'Net kg', width: 68, align: 'right', cell: (i) => kgText(lines[i].netWeightKg) },
      { title: 'Gross kg', width: 68, align: 'right', cell: (i) => kgText(lines[i].grossWeightKg) },
    ],
    lines.length,
  );
  canvas.ensure(LINE * 3);
  canvas.text('Packages', MARGIN, canvas.y, { size: 9, bold: true });
  canvas.y -= LINE + 2;
  canvas.table(
    [
      { title: 'Pkg', width: 26, cell: (i) => String(packages[i].packageNo) },
      { title: 'Marks', width: 170, wrap: true, cell: (i) => packages[i].marks },
      {
        title: 'Contents',
        width: 130,
        wrap: true,
        cell: (i) => packages[i].contents.map((c) => `${c.quantity} x ${c.sku}`).join(', '),
      },
      { title: 'L x W x H cm', width: 70, cell: (i) => dimensionsText(packages[i]) },
      { title: 'Net kg', width: 59, align: 'right', cell: (i) => kgText(packages[i].netWeightKg) },
      { title: 'Gross kg', width: 59, align: 'right', cell: (i) => kgText(packages[i].grossWeightKg) },
    ],
    packages.length,
  );
}

function drawTotals(canvas: Canvas, document: TradeDocument): void {
  const totals = document.totals;
  const rows: [string, string][] = [];
  if (document.kind !== 'packing-list') {
    rows.push(
      [`Goods (${document.currency})`, moneyText(totals.goods)],
      ['Freight', document.freight.amount ? moneyText(document.freight.amount) : document.freight.note],
      [
        'Insurance',
        document.insurance.amount ? moneyText(document.insurance.amount) : document.insurance.note,
      ],
      [`Total (${document.currency})`, moneyText(totals.total)],
    );
  }
  rows.push(['Total quantity', String(totals.quantity)]);
  if (totals.packageCount !== undefined) rows.push(['Packages', String(totals.packageCount)]);
  rows.push(
    ['Net weight (kg)', kgText(totals.netWeightKg)],
    ['Gross weight (kg)', kgText(totals.grossWeightKg)],
  );
  if (totals.volumeM3 !== undefined) rows.push(['Volume (m3)', totals.volumeM3.toFixed(3)]);
  const labelX = A4.width - MARGIN - 300;
  for (const [label, value] of rows) {
    canvas.ensure(LINE);
    const strong = label.startsWith('Total (');
    canvas.text(label, labelX, canvas.y, { size: 8, bold: strong });
    canvas.text(value, A4.width - MARGIN, canvas.y, { size: 8, bold: strong, align: 'right', maxWidth: 210 });
    canvas.y -= LINE;
  }
  canvas.y -= 6;
}

function drawBank(canvas: Canvas, document: TradeDocument): void {
  const bank = document.bank;
  if (!bank) return;
  canvas.ensure(LINE * 4);
  canvas.text('Bank details', MARGIN, canvas.y, { size: 8, bold: true });
  canvas.y -= LINE;
  const parts = [
    `Bank: ${bank.bankName}`,
    `Account name: ${bank.accountName}`,
    bank.iban && `IBAN: ${bank.iban}`,
    bank.accountNumber && `Account no.: ${bank.accountNumber}`,
    bank.swift && `SWIFT/BIC: ${bank.swift}`,
    bank.address && `Address: ${bank.address}`,
  ].filter((part): part is string => Boolean(part));
  canvas.paragraph(parts.join('   '));
  canvas.y -= 4;
}

function drawNotes(canvas: Canvas, document: TradeDocument): void {
  for (const note of document.notes) canvas.paragraph(note, { color: GREY });
  if (canvas.replaced) canvas.paragraph(NON_LATIN_NOTE, { color: GREY });
}

function drawFooters(canvas: Canvas, document: TradeDocument): void {
  const total = canvas.pages.length;
  canvas.pages.forEach((page, index) => {
    const label = canvas.clean(
      `${document.title} ${document.number} v${document.version}   Page ${index + 1} of ${total}`,
    );
    page.drawText(label, { x: MARGIN, y: MARGIN - 10, size: 7, font: canvas.regular, color: GREY });
  });
}
