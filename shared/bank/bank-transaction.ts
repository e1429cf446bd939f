import { createHash } from 'node:crypto';
import type { Money } from '../domain/money';
import { InvalidInputError } from '../errors';

/**
 * One movement on the company's bank account, as every statement import (camt.053, CSV) yields it.
 * Amounts are positive; `creditDebit` says the direction.
 */
export interface BankTransaction {
  /** YYYY-MM-DD, the day the bank booked it. */
  bookingDate: string;
  /** YYYY-MM-DD, the day the money counts (interest); the booking date when the bank gives none. */
  valueDate: string;
  amount: Money;
  currency: string;
  creditDebit: 'CRDT' | 'DBIT';
  /** A reversal (returned payment, recalled credit): never applied to a receivable. */
  reversal: boolean;
  /** BOOK for booked entries; PDNG (pending) and INFO entries are reported but not applied. */
  status: string;
  /**
   * The bank's reference, unique within the account: the key that makes applying idempotent.
   * Batched entries get `<entry ref>/<n>`; when the bank gives none, a hash of the content.
   */
  bankReference: string;
  endToEndId?: string;
  /** What the payer wrote: unstructured lines joined, then structured references. */
  remittance: string;
  /** Text the bank added (AddtlTxInf / AddtlNtryInf); searched for references too. */
  additionalInfo?: string;
  /** The other side: the payer (debtor) of a credit, the payee (creditor) of a debit. */
  counterpartyName?: string;
  counterpartyIban?: string;
  /** The statement account the transaction is on, when the file says. */
  accountIban?: string;
}

/**
 * A statement file that cannot be read. Carries every problem found (not just the first), each
 * naming its line or entry, and never a partial result: a half-imported statement is worse than
 * none, because re-importing it later would look like duplicates.
 */
export class BankStatementError extends InvalidInputError {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    super(`the bank statement cannot be imported: ${shown}${more}`, 'statement', 'INVALID_BANK_STATEMENT');
  }
}

/** IBANs are compared without spaces and in upper case (banks print them in groups of four). */
export function normalizeIban(iban: string | undefined): string | undefined {
  const compact = iban?.replace(/\s+/g, '').toUpperCase();
  return compact ? compact : undefined;
}

/** A reference for a transaction that came without one: the same content gives the same reference. */
export function contentReference(tx: Omit<BankTransaction, 'bankReference'>): string {
  const content = [
    tx.bookingDate,
    tx.creditDebit,
    tx.currency,
    tx.amount.minor,
    tx.remittance,
    tx.counterpartyName ?? '',
    tx.counterpartyIban ?? '',
    tx.endToEndId ?? '',
  ].join('\u001f');
  return `content-${createHash('sha256').update(content).digest('hex').slice(0, 20)}`;
}

/**
 * Makes references unique within one file, in file order: two identical payments on one day get
 * `…` and `…#2`, so the second is not taken for a re-import of the first.
 */
export function uniqueReferences<T extends { bankReference: string }>(transactions: T[]): T[] {
  const seen = new Map<string, number>();
  return transactions.map((tx) => {
    const count = (seen.get(tx.bankReference) ?? 0) + 1;
    seen.set(tx.bankReference, count);
    return count === 1 ? tx : { ...tx, bankReference: `${tx.bankReference}#${count}` };
  });
}

/** A real calendar date in YYYY-MM-DD, or undefined. */
export function isoDate(text: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const same =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d);
  return same ? `${y}-${m}-${d}` : undefined;
}
