import type { StoredBankTransaction } from '../../bank/stored-transaction';
import type { DomainEvent } from '../../contracts/events';
import { AmountFormatError, formatAmount } from '../../domain/money';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { moneyOut } from '../money-view';
import { makeRecordPayment } from '../order-actions/record-payment';
import type { BankReconciliationDeps } from './bank-reconciliation-deps';

export type CompletedMatch =
  | { kind: 'matched'; tx: StoredBankTransaction }
  /** An order refused the payment (cancelled meanwhile, another currency…): back in the queue. */
  | { kind: 'refused'; tx: StoredBankTransaction; refusal: Error };

/**
 * Records a decided match (status `matching`) through the payment path, one payment per order with
 * the transaction id as its reference, so a retry (a re-import after a crash, a repeated manual
 * match) records nothing twice; the payment path ends the order's wait for money once it is covered.
 * Then announces BankTransactionMatched and marks the transaction matched. An order that refuses the
 * payment sends the transaction back to the queue with the reason; any other failure leaves it
 * `matching`, to be finished by the next import of the statement.
 */
export async function completeBankMatch(
  deps: BankReconciliationDeps,
  tx: StoredBankTransaction,
): Promise<CompletedMatch> {
  const match = tx.match;
  if (tx.state !== 'matching' || !match)
    throw new Error(`bank transaction ${tx.transactionId} is not matching`);
  const record = makeRecordPayment(deps);
  const recorded: string[] = [];
  for (const allocation of match.allocations) {
    try {
      await record(
        allocation.orderId,
        {
          amount: formatAmount(allocation.amount),
          currency: allocation.amount.currency,
          reference: tx.transactionId,
        },
        match.actor,
      );
      recorded.push(allocation.orderId);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const already = recorded.length ? `; it was recorded on ${recorded.join(', ')}` : '';
      const reason = `the payment could not be recorded on order ${allocation.orderId}: ${error.message}${already}`;
      return { kind: 'refused', tx: await backToQueue(deps, tx, reason), refusal: error };
    }
  }
  await rememberPayer(deps, tx);
  await deps.events.publish([matchedEvent(tx)]);
  const now = deps.clock.now().toISOString();
  const matched: StoredBankTransaction = { ...tx, state: 'matched', updatedAt: now, version: tx.version + 1 };
  await deps.transactions.save(matched);
  return { kind: 'matched', tx: matched };
}

/** Puts a transaction (back) in the reconciliation queue with its reason, and announces it. */
export async function backToQueue(
  deps: BankReconciliationDeps,
  tx: StoredBankTransaction,
  reason: string,
  details: { references?: string[]; candidateOrderIds?: string[] } = {},
): Promise<StoredBankTransaction> {
  const { match: _match, ...rest } = tx;
  const queued: StoredBankTransaction = {
    ...rest,
    state: 'unmatched',
    reason,
    ...(details.references?.length ? { references: details.references } : {}),
    ...(details.candidateOrderIds?.length ? { candidateOrderIds: details.candidateOrderIds } : {}),
    updatedAt: deps.clock.now().toISOString(),
    version: tx.version + 1,
  };
  await deps.transactions.save(queued);
  await deps.events.publish([unmatchedEvent(queued)]);
  return queued;
}

/** A payer whose money went to one customer is that customer the next time, even with no reference. */
async function rememberPayer(deps: BankReconciliationDeps, tx: StoredBankTransaction): Promise<void> {
  const customers = new Set(tx.match?.allocations.map((a) => a.customerId));
  if (!tx.counterpartyIban || customers.size !== 1) return;
  const [customerId] = customers;
  await deps.transactions.rememberPayer(
    tx.counterpartyIban,
    customerId,
    tx.transactionId,
    deps.clock.now().toISOString(),
  );
}

function isRefusal(error: unknown): error is Error {
  return (
    error instanceof ConflictError ||
    error instanceof InvalidInputError ||
    error instanceof NotFoundError ||
    error instanceof AmountFormatError
  );
}

function matchedEvent(tx: StoredBankTransaction): DomainEvent {
  const match = tx.match!;
  return {
    type: 'BankTransactionMatched',
    detail: {
      version: 1,
      changeId: `${tx.transactionId}:matched`,
      occurredAt: match.at,
      orderId: match.allocations[0].orderId,
      transactionId: tx.transactionId,
      bookingDate: tx.bookingDate,
      amount: moneyOut(tx.amount),
      matchedBy: match.by,
      settlement: match.settlement,
      remainder: moneyOut(match.remainder),
      withinTolerance: match.withinTolerance,
      allocations: match.allocations.map((a) => ({
        orderId: a.orderId,
        customerId: a.customerId,
        amount: moneyOut(a.amount),
      })),
    },
  };
}

function unmatchedEvent(tx: StoredBankTransaction): DomainEvent {
  return {
    type: 'BankTransactionUnmatched',
    detail: {
      version: 1,
      changeId: `${tx.transactionId}:unmatched`,
      occurredAt: tx.updatedAt,
      orderId: tx.transactionId,
      transactionId: tx.transactionId,
      bookingDate: tx.bookingDate,
      amount: moneyOut(tx.amount),
      reason: tx.reason ?? 'not matched',
      candidateOrderIds: tx.candidateOrderIds ?? [],
    },
  };
}
