import type { DocumentKind } from '../ports/trade-documents';
import type { DocumentDraft, DocumentLine } from './trade-document';

/**
 * The checks before a document is issued: a failing one means the document is not issued at all
 * (never a wrong one), and sales gets the problems as a task. Each problem is a sentence a person can
 * act on, grouping the lines it concerns ("3 lines have no HS code: 1 VALVE-DN50, …").
 */

/** At least the 6 digits of the international HS; dots and spaces as people write them. */
export function isHsCode(code: string | undefined): boolean {
  return Boolean(code && /^[0-9.\s]+$/.test(code) && /^\d{6,10}$/.test(code.replace(/[.\s]/g, '')));
}

const CUSTOMS_KINDS: ReadonlySet<DocumentKind> = new Set([
  'commercial-invoice',
  'packing-list',
  'customs-declaration',
]);

export function documentProblems(drafts: readonly DocumentDraft[]): string[] {
  const problems: string[] = [];
  const add = (problem: string) => {
    if (!problems.includes(problem)) problems.push(problem);
  };
  for (const draft of drafts) {
    for (const problem of valueProblems(draft)) add(problem);
    if (CUSTOMS_KINDS.has(draft.kind)) for (const problem of customsProblems(draft)) add(problem);
  }
  const invoice = drafts.find((draft) => draft.kind === 'commercial-invoice');
  const packing = drafts.find((draft) => draft.kind === 'packing-list');
  if (packing) for (const problem of packingProblems(packing, invoice ?? packing)) add(problem);
  return problems;
}

/** One short line for the order's task and the event: the first problem and how many more. */
export function summarize(problems: readonly string[]): string {
  if (!problems.length) return 'no problems';
  const first = problems[0].split(':')[0];
  return problems.length === 1
    ? first
    : `${first} (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})`;
}

function lineList(lines: readonly DocumentLine[]): string {
  return lines.map((line) => `${line.lineNo} ${line.sku}`).join(', ');
}

function group(lines: readonly DocumentLine[], what: string, plural: string): string | undefined {
  if (!lines.length) return undefined;
  return `${lines.length} line${lines.length === 1 ? ` ${what}` : `s ${plural}`}: ${lineList(lines)}`;
}

function valueProblems(draft: DocumentDraft): string[] {
  const problems: (string | undefined)[] = [];
  if (!draft.lines.length) problems.push('the order has no lines');
  problems.push(
    group(
      draft.lines.filter((line) => !(line.quantity > 0)),
      'has a zero quantity',
      'have a zero quantity',
    ),
    group(
      draft.lines.filter((line) => !(line.unitPrice.minor > 0) || !(line.amount.minor > 0)),
      'has a zero price',
      'have a zero price',
    ),
  );
  if (!(draft.totals.total.minor > 0)) problems.push('the total is zero');
  return problems.filter((problem): problem is string => Boolean(problem));
}

function customsProblems(draft: DocumentDraft): string[] {
  const missing = draft.lines.filter((line) => !line.hsCode);
  const short = draft.lines.filter((line) => line.hsCode && !isHsCode(line.hsCode));
  const noOrigin = draft.lines.filter((line) => !line.originCountry);
  const zeroWeight = draft.lines.filter(
    (line) =>
      (line.netWeightKg !== undefined && !(line.netWeightKg > 0)) ||
      (line.grossWeightKg !== undefined && !(line.grossWeightKg > 0)),
  );
  return [
    group(missing, 'has no HS code', 'have no HS code'),
    group(short, 'has an HS code of fewer than 6 digits', 'have HS codes of fewer than 6 digits'),
    group(noOrigin, 'has no country of origin', 'have no country of origin'),
    group(zeroWeight, 'has a zero weight', 'have zero weights'),
  ].filter((problem): problem is string => Boolean(problem));
}

/** The packing list holds exactly the invoiced quantities, in packages with real sizes and weights. */
function packingProblems(packing: DocumentDraft, invoice: DocumentDraft): string[] {
  const problems: string[] = [];
  const packages = packing.packages ?? [];
  if (!packages.length) return ['the packing list has no packages: record the packing first'];
  const packed = new Map<string, number>();
  for (const pkg of packages) {
    for (const item of pkg.contents) packed.set(item.sku, (packed.get(item.sku) ?? 0) + item.quantity);
    const sizes = [pkg.lengthCm, pkg.widthCm, pkg.heightCm, pkg.grossWeightKg];
    if (!sizes.every((value) => value > 0))
      problems.push(`package ${pkg.packageNo} has a zero size or weight`);
  }
  const invoiced = new Map<string, number>();
  for (const line of invoice.lines) invoiced.set(line.sku, (invoiced.get(line.sku) ?? 0) + line.quantity);
  for (const [sku, quantity] of invoiced) {
    const inPackages = packed.get(sku) ?? 0;
    if (inPackages !== quantity)
      problems.push(`the packing list holds ${inPackages} of ${sku}, the invoice ${quantity}`);
  }
  for (const [sku, quantity] of packed) {
    if (!invoiced.has(sku))
      problems.push(`the packing list holds ${quantity} of ${sku}, which is not invoiced`);
  }
  return problems;
}
