/**
 * The reconciliation queue (`GET /bank-transactions`): bank credits no order claimed yet, and what the
 * live feed's bank events mean for it. Pure, for the page and its tests.
 */

import type { Money } from '../../ui/format';

export interface BankTransaction {
  transactionId: string;
  status: string;
  bankReference: string;
  bookingDate: string;
  valueDate: string;
  amount: Money;
  creditDebit: 'CRDT' | 'DBIT';
  reversal: boolean;
  remittance: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  reason?: string;
  references?: string[];
  candidateOrderIds?: string[];
  match?: {
    by: string;
    settlement: string;
    remainder: Money;
    allocations: { orderId: string; amount: Money }[];
  };
  ignored?: { reason: string; at: string };
  importedAt: string;
}

export interface BankTransactionPage {
  items: BankTransaction[];
  nextToken?: string;
}

export interface QueueRow {
  transactionId: string;
  bookingDate: string;
  /** Signed: a debit shows as a negative amount. */
  amount: Money;
  payer: string;
  remittance: string;
  reason: string;
  /** Orders the matcher found plausible: offered first when matching by hand. */
  candidateOrderIds: string[];
}

const signed = (transaction: BankTransaction): Money =>
  transaction.creditDebit === 'DBIT' && !transaction.amount.amount.startsWith('-')
    ? { ...transaction.amount, amount: `-${transaction.amount.amount}` }
    : transaction.amount;

/** The queue, oldest booking first (the longest waiting money is looked at first). */
export function queueRows(transactions: readonly BankTransaction[]): QueueRow[] {
  return transactions
    .map((transaction) => ({
      transactionId: transaction.transactionId,
      bookingDate: transaction.bookingDate,
      amount: signed(transaction),
      payer: [transaction.counterpartyName, transaction.counterpartyIban].filter(Boolean).join(' · '),
      remittance: transaction.remittance,
      reason: transaction.reason ?? '',
      candidateOrderIds: transaction.candidateOrderIds ?? [],
    }))
    .sort(
      (a, b) => a.bookingDate.localeCompare(b.bookingDate) || a.transactionId.localeCompare(b.transactionId),
    );
}

/** A live feed message as the shell passes it on. */
export interface FeedEvent {
  type: string;
  detail?: unknown;
}

/**
 * What a feed message means for the queue: a transaction matched leaves it, a new unmatched one
 * joins it (read the queue again); anything else changes nothing.
 */
export function queueChange(
  message: FeedEvent,
): { kind: 'none' } | { kind: 'reload'; transactionId?: string } {
  if (message.type !== 'BankTransactionMatched' && message.type !== 'BankTransactionUnmatched')
    return { kind: 'none' };
  const detail = message.detail as { transactionId?: unknown } | undefined;
  const transactionId = typeof detail?.transactionId === 'string' ? detail.transactionId : undefined;
  return { kind: 'reload', ...(transactionId ? { transactionId } : {}) };
}

/** The statement file's format, by its name or content: camt.053 XML or CSV. */
export function statementFormat(fileName: string, content: string): 'camt053' | 'csv' {
  if (/\.xml$/i.test(fileName) || content.trimStart().startsWith('<')) return 'camt053';
  return 'csv';
}
