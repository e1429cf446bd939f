import { createHash } from 'node:crypto';
import type { Money } from '../domain/money';
import type { Actor } from '../domain/order';
import type { Settlement } from '../domain/reconciliation';
import type { BankTransaction } from './bank-transaction';

/**
 * A bank transaction as tradeflow keeps it, with where reconciliation took it:
 * - `received`: stored by an import, not yet reconciled (an import that stopped half way leaves
 *   these; importing the statement again finishes them);
 * - `matching`: its allocations are decided and being recorded on the orders (a retry records the
 *   same allocations again, which the payment path takes as the same payment);
 * - `matched`: recorded as a payment on each order it pays;
 * - `unmatched`: waiting in finance's reconciliation queue (no reference and no fit, ambiguous, or
 *   the payment could not be recorded);
 * - `ignored`: taken off the queue by finance, with a reason;
 * - `not-applicable`: not money in for a receivable (a debit, a reversal, a pending entry).
 */
export const BANK_TRANSACTION_STATUSES = [
  'received',
  'matching',
  'matched',
  'unmatched',
  'ignored',
  'not-applicable',
] as const;
export type BankTransactionStatus = (typeof BANK_TRANSACTION_STATUSES)[number];

export type MatchedBy = 'reference' | 'amount-and-customer' | 'manual';

export interface PaymentAllocation {
  orderId: string;
  customerId: string;
  /** Recorded on the order as a payment whose reference is the transaction id. */
  amount: Money;
}

export interface BankMatch {
  by: MatchedBy;
  allocations: PaymentAllocation[];
  settlement: Settlement;
  /** Still open after it (partial) or paid beyond what was open (over: the customer's credit). */
  remainder: Money;
  /** For partial and over: the difference is within the tolerance (bank fees, rounding). */
  withinTolerance: boolean;
  at: string;
  actor: Actor;
}

export interface StoredBankTransaction extends BankTransaction {
  transactionId: string;
  /** Where reconciliation took it (`status`, from BankTransaction, is the bank's booking status). */
  state: BankTransactionStatus;
  importedAt: string;
  importedBy: Actor;
  /** Why it is unmatched or not applicable, for finance to read. */
  reason?: string;
  /** References found in its text that point to nothing open. */
  references?: string[];
  /** Orders it may be for (the payer's open orders, or those it names ambiguously). */
  candidateOrderIds?: string[];
  match?: BankMatch;
  ignored?: { reason: string; at: string; actor: Actor };
  updatedAt: string;
  /** Optimistic concurrency: every write expects the version it read. */
  version: number;
}

/**
 * One id per movement on one account, whatever file it came in: the bank's reference is unique
 * within the account, so a statement imported again (or a CSV export of the same days) finds the
 * same ids and adds nothing. Also the payment reference on the orders it pays.
 */
export function transactionIdOf(tx: Pick<BankTransaction, 'bankReference' | 'accountIban'>): string {
  const digest = createHash('sha256')
    .update(`${tx.accountIban ?? ''}\u001f${tx.bankReference}`)
    .digest('hex');
  return `btx_${digest.slice(0, 24)}`;
}
