import type { BankTransaction } from '../../bank/bank-transaction';
import { parseCamt053 } from '../../bank/camt053';
import { parseCsvStatement } from '../../bank/csv-statement';
import {
  type BankMatch,
  type PaymentAllocation,
  type StoredBankTransaction,
  transactionIdOf,
} from '../../bank/stored-transaction';
import type { Money } from '../../domain/money';
import type { Actor } from '../../domain/order';
import type { OrderReceivable } from '../../domain/receivables';
import {
  compact,
  DEFAULT_REFERENCE_PATTERNS,
  type OpenReceivable,
  type ReconciliationResult,
  reconcile,
} from '../../domain/reconciliation';
import { ConcurrentUpdateError, InvalidInputError } from '../../errors';
import { type BankReconciliationDeps, RECONCILIATION } from './bank-reconciliation-deps';
import { backToQueue, completeBankMatch } from './complete-bank-match';

export type StatementFormat = 'camt053' | 'csv';

/**
 * More than a day's statement of a busy export account, and an answer that stays well inside what the
 * Idempotency-Key store keeps (one DynamoDB item); a larger file is split by date range.
 */
export const MAX_TRANSACTIONS_PER_IMPORT = 300;

/** Due date given to installments not yet due, so money fills those that are first. */
const NOT_YET_DUE = '9999-12-31';

export interface ImportedTransaction {
  transactionId: string;
  bankReference: string;
  bookingDate: string;
  amount: Money;
  creditDebit: 'CRDT' | 'DBIT';
  status: StoredBankTransaction['state'];
  /** It was there before this import (a statement imported again): nothing was added. */
  alreadyImported: boolean;
  match?: BankMatch;
  reason?: string;
}

export interface ImportResult {
  format: StatementFormat;
  transactions: ImportedTransaction[];
}

/**
 * POST /bank-transactions: reads a camt.053 or CSV statement (all of it or nothing), keeps each
 * transaction once by its bank reference (so importing a statement again adds nothing), and
 * reconciles the new ones against the open receivables: by the order or invoice reference in the
 * remittance first, then by amount, currency and customer (payer IBAN learned from earlier matches,
 * or name) within the tolerance. A match is recorded on its orders through the payment path; what
 * does not match waits in the reconciliation queue. Transactions an earlier import left half done
 * (`received`, `matching`) are finished by this one.
 */
export function makeImportBankStatement(deps: BankReconciliationDeps) {
  return async (format: StatementFormat, text: string, by: Actor): Promise<ImportResult> => {
    const parsed = format === 'camt053' ? parseCamt053(text) : parseCsvStatement(text);
    if (parsed.length === 0) throw new InvalidInputError('the statement holds no transactions', 'statement');
    if (parsed.length > MAX_TRANSACTIONS_PER_IMPORT) {
      throw new InvalidInputError(
        `the statement holds ${parsed.length} transactions; import at most ${MAX_TRANSACTIONS_PER_IMPORT} at a time (split it by date)`,
        'statement',
        'STATEMENT_TOO_LARGE',
      );
    }
    const now = deps.clock.now().toISOString();
    const outcomes = new Map<string, { tx: StoredBankTransaction; alreadyImported: boolean }>();
    for (const tx of parsed) {
      const { created, stored } = await deps.transactions.add(received(tx, now, by));
      if (!outcomes.has(stored.transactionId)) {
        outcomes.set(stored.transactionId, { tx: stored, alreadyImported: !created });
      }
    }

    const pending = [...outcomes.values()].map((o) => o.tx);
    for (const tx of pending.filter((t) => t.state === 'matching')) {
      settle(outcomes, await finishQuietly(deps, tx));
    }
    const toReconcile = pending.filter((t) => t.state === 'received');
    if (toReconcile.length > 0) {
      const open = await openReceivables(deps, toReconcile);
      const results = reconcile(toReconcile, open, { tolerance: deps.tolerance });
      for (const result of results) {
        settle(
          outcomes,
          await decide(deps, result as ReconciliationResult & { transaction: StoredBankTransaction }),
        );
      }
    }
    return {
      format,
      transactions: parsed.map((tx) => {
        const { tx: stored, alreadyImported } = outcomes.get(transactionIdOf(tx))!;
        return view(stored, alreadyImported);
      }),
    };
  };
}

function received(tx: BankTransaction, now: string, by: Actor): StoredBankTransaction {
  return {
    ...tx,
    transactionId: transactionIdOf(tx),
    state: 'received',
    importedAt: now,
    importedBy: by,
    updatedAt: now,
    version: 1,
  };
}

function settle(
  outcomes: Map<string, { tx: StoredBankTransaction; alreadyImported: boolean }>,
  tx: StoredBankTransaction,
): void {
  const entry = outcomes.get(tx.transactionId);
  if (entry) entry.tx = tx;
}

/** Stores what reconciliation decided for one transaction, then records a match on its orders. */
async function decide(
  deps: BankReconciliationDeps,
  result: ReconciliationResult & { transaction: StoredBankTransaction },
): Promise<StoredBankTransaction> {
  const tx = result.transaction;
  const now = deps.clock.now().toISOString();
  try {
    switch (result.kind) {
      case 'skipped': {
        const reason = SKIPPED[result.reason] ?? result.reason;
        const next: StoredBankTransaction = {
          ...tx,
          state: 'not-applicable',
          reason,
          updatedAt: now,
          version: tx.version + 1,
        };
        await deps.transactions.save(next);
        return next;
      }
      case 'unmatched':
      case 'ambiguous':
        return await backToQueue(deps, tx, result.reason, {
          references: result.kind === 'unmatched' ? result.references : [],
          candidateOrderIds: unique(result.candidates.map((c) => c.orderId)),
        });
      case 'matched': {
        const next: StoredBankTransaction = {
          ...tx,
          state: 'matching',
          match: {
            by: result.by,
            allocations: perOrder(result.allocations),
            settlement: result.settlement,
            remainder: result.remainder,
            withinTolerance: result.withinTolerance,
            at: now,
            actor: RECONCILIATION,
          },
          updatedAt: now,
          version: tx.version + 1,
        };
        await deps.transactions.save(next);
        return await finishQuietly(deps, next);
      }
    }
  } catch (error) {
    // Another import of the same statement, running at the same time, took this one first.
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    return (await deps.transactions.get(tx.transactionId)) ?? tx;
  }
}

/** A refused payment is already back in the queue with its reason: the import goes on. */
async function finishQuietly(deps: BankReconciliationDeps, tx: StoredBankTransaction) {
  return (await completeBankMatch(deps, tx)).tx;
}

const SKIPPED: Record<string, string> = {
  'not-a-credit': 'money out (a debit), not a payment received',
  reversal: 'a reversal (returned or recalled payment): finance books it by hand',
  'not-booked': 'not booked yet (pending or information only)',
};

/** Reconciliation splits a payment per installment; each order gets one payment of its share. */
function perOrder(
  allocations: { orderId: string; customerId: string; amount: Money }[],
): PaymentAllocation[] {
  const byOrder = new Map<string, PaymentAllocation>();
  for (const a of allocations) {
    const seen = byOrder.get(a.orderId);
    if (seen) seen.amount = { ...seen.amount, minor: seen.amount.minor + a.amount.minor };
    else byOrder.set(a.orderId, { orderId: a.orderId, customerId: a.customerId, amount: { ...a.amount } });
  }
  return [...byOrder.values()].filter((a) => a.amount.minor > 0);
}

/**
 * The open installments as reconciliation takes them, each with the payer IBANs learned for its
 * customer and, only when some transaction has neither a reference nor a known IBAN, the names the
 * customer trades under.
 */
async function openReceivables(
  deps: BankReconciliationDeps,
  txs: StoredBankTransaction[],
): Promise<OpenReceivable[]> {
  const receivables = await deps.receivables.list();
  const ibans = new Map<string, string[]>();
  const unknownPayer: StoredBankTransaction[] = [];
  for (const tx of txs) {
    const customerId = tx.counterpartyIban
      ? await deps.transactions.payerCustomer(tx.counterpartyIban)
      : undefined;
    if (customerId && tx.counterpartyIban)
      ibans.set(customerId, [...(ibans.get(customerId) ?? []), tx.counterpartyIban]);
    else unknownPayer.push(tx);
  }
  const needNames = unknownPayer.some((tx) => !hasReference(tx) && tx.counterpartyName);
  const names = needNames ? await customerNames(deps, receivables) : new Map<string, string[]>();
  return receivables.flatMap((r) =>
    r.open.map((installment) => ({
      orderId: r.orderId,
      // Tells the installments of one order apart; never a reference a payer could quote.
      invoiceNumber: installment.kind,
      customerId: r.customerId,
      outstanding: installment.outstanding,
      dueAt: installment.dueAt ?? NOT_YET_DUE,
      customerIbans: ibans.get(r.customerId) ?? [],
      customerNames: names.get(r.customerId) ?? [],
    })),
  );
}

function hasReference(tx: BankTransaction): boolean {
  const text = compact([tx.remittance, tx.endToEndId ?? '', tx.additionalInfo ?? ''].join(' '));
  return DEFAULT_REFERENCE_PATTERNS.some((pattern) => pattern.test(text));
}

async function customerNames(
  deps: BankReconciliationDeps,
  receivables: OrderReceivable[],
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  for (const customerId of unique(receivables.map((r) => r.customerId))) {
    const customer = await deps.customers.get(customerId);
    if (customer) names.set(customerId, [customer.company, customer.name].filter(Boolean) as string[]);
  }
  return names;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function view(tx: StoredBankTransaction, alreadyImported: boolean): ImportedTransaction {
  return {
    transactionId: tx.transactionId,
    bankReference: tx.bankReference,
    bookingDate: tx.bookingDate,
    amount: tx.amount,
    creditDebit: tx.creditDebit,
    status: tx.state,
    alreadyImported,
    ...(tx.match ? { match: tx.match } : {}),
    ...(tx.reason ? { reason: tx.reason } : {}),
  };
}
