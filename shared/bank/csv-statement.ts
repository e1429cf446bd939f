import { isCurrencyCode } from '../domain/currencies';
import { type Money, parseAmount } from '../domain/money';
import {
  BankStatementError,
  type BankTransaction,
  contentReference,
  isoDate,
  normalizeIban,
  uniqueReferences,
} from './bank-transaction';

/**
 * Reads the simple CSV statement format, for banks without camt.053 and for hand-made imports.
 *
 * - RFC 4180: a header row, then one record a row; fields may be quoted with `"`, a quote inside is
 *   doubled (`""`), quoted fields may hold the delimiter and line breaks; CRLF or LF; a UTF-8 BOM is
 *   ignored, and so are blank lines.
 * - Delimiter: `,` or `;`, whichever the header row uses (spreadsheets with a decimal comma export `;`).
 * - Columns, by header name (any order, case and surrounding spaces ignored, `-`/space = `_`):
 *   required `date`, `amount`, `currency`; optional `value_date`, `reference` (the remittance text),
 *   `counterparty_name`, `counterparty_iban`, `bank_reference`. Other columns are ignored.
 * - `date`/`value_date`: YYYY-MM-DD.
 * - `amount`: signed decimal, positive = money in (credit), negative = money out (debit); a decimal
 *   point or a decimal comma (`1250.50`, `1250,50`, `-75,5`), no thousands separators, at most the
 *   currency's minor digits.
 * - `bank_reference`: the bank's id for the movement, used to skip re-imports; rows without one get
 *   a reference derived from their content.
 * Every bad line is reported ("line 7: amount 'abc' is not an amount"); nothing is returned then.
 */
export function parseCsvStatement(text: string): BankTransaction[] {
  const records = readRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const header = records.shift();
  if (!header) throw new BankStatementError(['the file is empty: expected a header row']);
  const columns = columnIndex(header.fields);
  const problems: string[] = [];
  const transactions: BankTransaction[] = [];
  for (const record of records) {
    const found: string[] = [];
    const tx = readRow(record.fields, columns, found);
    if (record.fields.length !== header.fields.length) {
      found.unshift(`has ${record.fields.length} fields, the header ${header.fields.length}`);
    }
    if (found.length > 0 || !tx) problems.push(...found.map((p) => `line ${record.line}: ${p}`));
    else transactions.push(tx);
  }
  if (problems.length > 0) throw new BankStatementError(problems);
  return uniqueReferences(transactions);
}

type Column =
  | 'date'
  | 'value_date'
  | 'amount'
  | 'currency'
  | 'reference'
  | 'counterparty_name'
  | 'counterparty_iban'
  | 'bank_reference';
const COLUMNS: Column[] = [
  'date',
  'value_date',
  'amount',
  'currency',
  'reference',
  'counterparty_name',
  'counterparty_iban',
  'bank_reference',
];
const REQUIRED: Column[] = ['date', 'amount', 'currency'];

function columnIndex(header: string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  const problems: string[] = [];
  header.forEach((raw, i) => {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const column = COLUMNS.find((c) => c === name);
    if (!column) return;
    if (index.has(column)) problems.push(`line 1: the column ${column} appears twice`);
    index.set(column, i);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) problems.push(`line 1: the header has no ${column} column`);
  }
  if (problems.length > 0) throw new BankStatementError(problems);
  return index;
}

function readRow(fields: string[], columns: Map<Column, number>, problems: string[]) {
  const get = (column: Column) => {
    const i = columns.get(column);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const date = readDate(get('date'), 'date', problems);
  const valueDate = get('value_date') ? readDate(get('value_date'), 'value_date', problems) : date;
  const currency = get('currency').toUpperCase();
  if (!isCurrencyCode(currency)) problems.push(`currency '${get('currency')}' is not an ISO 4217 code`);
  const signed = isCurrencyCode(currency) ? readAmount(get('amount'), currency, problems) : undefined;
  if (!date || !valueDate || !signed || problems.length > 0) return undefined;
  const tx = {
    bookingDate: date,
    valueDate,
    amount: { currency, minor: Math.abs(signed.minor) },
    currency,
    creditDebit: signed.minor < 0 ? ('DBIT' as const) : ('CRDT' as const),
    reversal: false,
    status: 'BOOK',
    // A quoted reference may span lines; matching wants one line of text.
    remittance: get('reference').replace(/\s+/g, ' '),
    ...(get('counterparty_name') ? { counterpartyName: get('counterparty_name') } : {}),
    ...(normalizeIban(get('counterparty_iban'))
      ? { counterpartyIban: normalizeIban(get('counterparty_iban')) }
      : {}),
  };
  return { ...tx, bankReference: get('bank_reference') || contentReference(tx) };
}

function readDate(text: string, column: string, problems: string[]): string | undefined {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? isoDate(text) : undefined;
  if (!date) problems.push(text ? `${column} '${text}' is not a date (YYYY-MM-DD)` : `${column} is empty`);
  return date;
}

const AMOUNT = /^-?\d+([.,]\d+)?$/;

function readAmount(text: string, currency: string, problems: string[]): Money | undefined {
  if (!AMOUNT.test(text)) {
    problems.push(text ? `amount '${text}' is not an amount` : 'amount is empty');
    return undefined;
  }
  try {
    const money = parseAmount(text.replace(',', '.'), currency);
    if (money.minor === 0) problems.push('amount is zero');
    return money;
  } catch (error) {
    problems.push(`amount '${text}': ${(error as Error).message}`);
    return undefined;
  }
}

interface CsvRecord {
  /** The physical line the record starts on (1 = the header). */
  line: number;
  fields: string[];
}

/** RFC 4180 records; the delimiter is the header's (`;` if it has one outside quotes, else `,`). */
function readRecords(text: string): CsvRecord[] {
  const delimiter = headerDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '' && !wasQuoted))
      records.push({ line: start, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) throw new BankStatementError([`line ${start}: a quoted field is not closed`]);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function headerDelimiter(text: string): ',' | ';' {
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') return ';';
  }
  return ',';
}
