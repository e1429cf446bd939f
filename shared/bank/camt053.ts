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
import { at, child, childrenNamed, parseXml, textAt, type XmlElement, XmlSyntaxError } from './xml-reader';

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement (BkToCstmrStmt) into transactions.
 *
 * Tolerant of the versions in use (.001.02 to .001.08 and later): the namespace version is not
 * checked, only that it is a camt.053 one (or absent), and the places that moved between versions
 * are read both ways:
 * - entry status: `<Sts>BOOK</Sts>` (up to .06) or `<Sts><Cd>BOOK</Cd></Sts>` (.07+);
 * - parties: `<Dbtr><Nm>` (up to .06) or `<Dbtr><Pty><Nm>` (.07+, Party40Choice);
 * - transaction amount: `<TxDtls><Amt>` (.03+) or `<TxDtls><AmtDtls><TxAmt><Amt>` (.02);
 * - dates: `<Dt>` or `<DtTm>` (the date part, as the bank wrote it).
 * A batched entry (several TxDtls) becomes one transaction per TxDtls, whose amounts must add up to
 * the entry; an entry with one or no TxDtls is one transaction of the booked entry amount.
 *
 * Structure learned from the camt.053.001.08 XSD (ReportEntry10, EntryTransaction10,
 * TransactionParties6, EntryStatus1Choice; github.com/peterve123/myfiles camt.053.001.08.xsd) and
 * from bank sample files in OCA/bank-statement-import (account_statement_import_camt/test_files:
 * test-camt053 — .001.02 ABN AMRO-style with a batched direct-debit return; test-camt053-txdtls —
 * .001.04 Swiss batch; test-camt053-multi-currency — .001.04 with AmtDtls/InstdAmt).
 */
export function parseCamt053(xml: string): BankTransaction[] {
  let document: XmlElement;
  try {
    document = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      throw new BankStatementError([`not well-formed XML: ${error.message}`]);
    throw error;
  }
  const statementRoot = findStatementRoot(document);
  const problems: string[] = [];
  const transactions: BankTransaction[] = [];
  childrenNamed(statementRoot, 'Stmt').forEach((statement, s) => {
    const accountIban = normalizeIban(textAt(statement, 'Acct', 'Id', 'IBAN'));
    childrenNamed(statement, 'Ntry').forEach((entry, e) => {
      const where = `statement ${s + 1}, entry ${e + 1}${entryLabel(entry)}`;
      try {
        transactions.push(...readEntry(entry, accountIban));
      } catch (error) {
        if (!(error instanceof EntryProblem)) throw error;
        problems.push(`${where}: ${error.message}`);
      }
    });
  });
  if (problems.length > 0) throw new BankStatementError(problems);
  return uniqueReferences(transactions);
}

class EntryProblem extends Error {}

function findStatementRoot(document: XmlElement): XmlElement {
  const namespace = document.attributes.get('xmlns') ?? '';
  const kind = /camt\.\d{3}/.exec(namespace)?.[0];
  if (kind && kind !== 'camt.053') {
    throw new BankStatementError([`this is a ${kind} message, not a camt.053 statement`]);
  }
  const statementRoot = document.name === 'Document' ? child(document, 'BkToCstmrStmt') : undefined;
  if (!statementRoot) {
    throw new BankStatementError(['not a camt.053 statement: expected <Document><BkToCstmrStmt>']);
  }
  if (childrenNamed(statementRoot, 'Stmt').length === 0) {
    throw new BankStatementError(['the statement file has no <Stmt>']);
  }
  return statementRoot;
}

function entryLabel(entry: XmlElement): string {
  const ref = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
  return ref ? ` (${ref})` : '';
}

function readEntry(entry: XmlElement, accountIban: string | undefined): BankTransaction[] {
  const amount = readAmount(child(entry, 'Amt'), 'the entry amount');
  const creditDebit = readCreditDebit(textAt(entry, 'CdtDbtInd'));
  const bookingDate = readDate(child(entry, 'BookgDt'), 'booking date');
  const valueDate = child(entry, 'ValDt') ? readDate(child(entry, 'ValDt'), 'value date') : bookingDate;
  const status =
    textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts', 'Prtry') ?? textAt(entry, 'Sts') ?? 'BOOK';
  const reversal = textAt(entry, 'RvslInd') === 'true';
  const entryRef = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
  const details = childrenNamed(entry, 'NtryDtls').flatMap((d) => childrenNamed(d, 'TxDtls'));
  const entryInfo = textAt(entry, 'AddtlNtryInf');
  const common = { bookingDate, valueDate, creditDebit, reversal, status, accountIban };

  if (details.length <= 1) {
    const tx = {
      ...common,
      amount,
      currency: amount.currency,
      ...describe(details[0], creditDebit, entryInfo),
    };
    const bankReference = entryRef ?? textAt(details[0], 'Refs', 'AcctSvcrRef') ?? contentReference(tx);
    return [{ ...tx, bankReference }];
  }

  const parts = details.map((detail, n) => {
    const own = child(detail, 'Amt') ?? at(detail, 'AmtDtls', 'TxAmt', 'Amt');
    if (!own) throw new EntryProblem(`batched transaction ${n + 1} has no amount`);
    const partAmount = readAmount(own, `the amount of batched transaction ${n + 1}`);
    const partDirection = textAt(detail, 'CdtDbtInd')
      ? readCreditDebit(textAt(detail, 'CdtDbtInd'))
      : creditDebit;
    return { detail, amount: partAmount, creditDebit: partDirection };
  });
  checkBatchTotal(amount, creditDebit, parts);
  const base = entryRef ?? contentReference({ ...common, amount, currency: amount.currency, remittance: '' });
  return parts.map((part, n) => ({
    ...common,
    amount: part.amount,
    currency: part.amount.currency,
    creditDebit: part.creditDebit,
    ...describe(part.detail, part.creditDebit, entryInfo),
    bankReference: `${base}/${n + 1}`,
  }));
}

/** A batch whose parts do not add up to what was booked would credit money that never arrived. */
function checkBatchTotal(
  entryAmount: Money,
  direction: 'CRDT' | 'DBIT',
  parts: { amount: Money; creditDebit: 'CRDT' | 'DBIT' }[],
): void {
  const foreign = parts.find((p) => p.amount.currency !== entryAmount.currency);
  if (foreign) {
    throw new EntryProblem(
      `a batched transaction is in ${foreign.amount.currency}, the entry in ${entryAmount.currency}`,
    );
  }
  const net = parts.reduce(
    (sum, p) => sum + (p.creditDebit === direction ? p.amount.minor : -p.amount.minor),
    0,
  );
  if (net !== entryAmount.minor) {
    throw new EntryProblem(
      `its ${parts.length} batched transactions add up to ${net} minor units, the entry to ${entryAmount.minor}`,
    );
  }
}

function describe(detail: XmlElement | undefined, direction: 'CRDT' | 'DBIT', entryInfo: string | undefined) {
  const parties = child(detail, 'RltdPties');
  const side = direction === 'CRDT' ? 'Dbtr' : 'Cdtr';
  const party = child(parties, side);
  const counterpartyName =
    textAt(party, 'Nm') ??
    textAt(party, 'Pty', 'Nm') ??
    textAt(parties, `Ultmt${side}`, 'Nm') ??
    textAt(parties, `Ultmt${side}`, 'Pty', 'Nm');
  const counterpartyIban = normalizeIban(textAt(parties, `${side}Acct`, 'Id', 'IBAN'));
  const endToEndId = textAt(detail, 'Refs', 'EndToEndId');
  const additionalInfo = textAt(detail, 'AddtlTxInf') ?? entryInfo;
  return {
    remittance: remittanceOf(child(detail, 'RmtInf')),
    // NOTPROVIDED is the SEPA placeholder for "the payer gave none".
    ...(endToEndId && endToEndId !== 'NOTPROVIDED' ? { endToEndId } : {}),
    ...(additionalInfo ? { additionalInfo } : {}),
    ...(counterpartyName ? { counterpartyName } : {}),
    ...(counterpartyIban ? { counterpartyIban } : {}),
  };
}

/** Unstructured lines joined with a space, then creditor references, document numbers and notes. */
function remittanceOf(info: XmlElement | undefined): string {
  const lines = childrenNamed(info, 'Ustrd').map((u) => u.text.trim());
  for (const structured of childrenNamed(info, 'Strd')) {
    for (const doc of childrenNamed(structured, 'RfrdDocInf')) lines.push(textAt(doc, 'Nb') ?? '');
    lines.push(textAt(structured, 'CdtrRefInf', 'Ref') ?? '');
    for (const note of childrenNamed(structured, 'AddtlRmtInf')) lines.push(note.text.trim());
  }
  return lines.filter((l) => l !== '').join(' ');
}

function readAmount(element: XmlElement | undefined, what: string): Money {
  const text = element?.text.trim();
  if (!element || !text) throw new EntryProblem(`${what} is missing`);
  const currency = element.attributes.get('Ccy') ?? '';
  if (!isCurrencyCode(currency)) throw new EntryProblem(`${what} has no valid currency (Ccy="${currency}")`);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new EntryProblem(`${what} '${text}' is not an amount`);
  try {
    return parseAmount(text, currency);
  } catch (error) {
    throw new EntryProblem(`${what}: ${(error as Error).message}`);
  }
}

function readCreditDebit(text: string | undefined): 'CRDT' | 'DBIT' {
  if (text === 'CRDT' || text === 'DBIT') return text;
  throw new EntryProblem(`CdtDbtInd '${text ?? ''}' is neither CRDT nor DBIT`);
}

function readDate(element: XmlElement | undefined, what: string): string {
  const text = textAt(element, 'Dt') ?? textAt(element, 'DtTm');
  const date = isoDate(text);
  if (!date) throw new EntryProblem(text ? `${what} '${text}' is not a date` : `${what} is missing`);
  return date;
}
