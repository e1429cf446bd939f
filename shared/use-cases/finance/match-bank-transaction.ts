import type { StoredBankTransaction } from '../../bank/stored-transaction';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor } from '../../domain/order';
import { outstandingOf, receivableOf } from '../../domain/receivables';
import { allowed, type Settlement } from '../../domain/reconciliation';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import type { BankReconciliationDeps } from './bank-reconciliation-deps';
import { completeBankMatch } from './complete-bank-match';

/**
 * POST /bank-transactions/{id}/match (finance): a transaction from the queue recorded as a payment
 * on the order finance names, through the same payment path as an automatic match (it ends the
 * order's wait for money once covered). The same match again answers the matched transaction; a
 * transaction matched elsewhere, ignored or not a payment answers 409.
 */
export function makeMatchBankTransaction(deps: BankReconciliationDeps) {
  return async (transactionId: string, orderId: string, by: Actor): Promise<StoredBankTransaction> => {
    const tx = await deps.transactions.get(transactionId);
    if (!tx) throw new NotFoundError(`bank transaction ${transactionId} not found`);
    if (tx.state === 'matched' || tx.state === 'matching') {
      const same = tx.match?.allocations.length === 1 && tx.match.allocations[0].orderId === orderId;
      if (!same) {
        const where = tx.match?.allocations.map((a) => a.orderId).join(', ');
        throw new ConflictError(`bank transaction ${transactionId} is already matched to ${where}`, tx.state);
      }
      return tx.state === 'matching' ? finish(deps, tx) : tx;
    }
    if (tx.state !== 'unmatched') {
      throw new ConflictError(
        `bank transaction ${transactionId} is ${tx.state}; only an unmatched one can be matched`,
        tx.state,
      );
    }
    const order = await deps.orders.get(orderId);
    if (!order) throw new NotFoundError(`order ${orderId} not found`);
    assertActionAllowed('payment', order.status);
    if (order.currency !== tx.currency) {
      throw new InvalidInputError(
        `the transaction is in ${tx.currency}; order ${orderId} is in ${order.currency}`,
        'orderId',
      );
    }
    const receivable = receivableOf(order);
    const open = receivable ? outstandingOf(receivable) : { currency: order.currency, minor: 0 };
    const difference = tx.amount.minor - open.minor;
    const settlement: Settlement = difference === 0 ? 'full' : difference < 0 ? 'partial' : 'over';
    const now = deps.clock.now().toISOString();
    const { reason: _reason, references: _refs, candidateOrderIds: _candidates, ...rest } = tx;
    const matching: StoredBankTransaction = {
      ...rest,
      state: 'matching',
      match: {
        by: 'manual',
        allocations: [{ orderId, customerId: order.customerId, amount: tx.amount }],
        settlement,
        remainder: { currency: tx.currency, minor: Math.abs(difference) },
        withinTolerance: Math.abs(difference) <= allowed(open, deps.tolerance),
        at: now,
        actor: by,
      },
      updatedAt: now,
      version: tx.version + 1,
    };
    await deps.transactions.save(matching);
    return finish(deps, matching);
  };
}

async function finish(
  deps: BankReconciliationDeps,
  tx: StoredBankTransaction,
): Promise<StoredBankTransaction> {
  const done = await completeBankMatch(deps, tx);
  // The order refused the payment after all (it changed meanwhile): back in the queue, and the
  // caller hears why.
  if (done.kind === 'refused') throw done.refusal;
  return done.tx;
}

/**
 * POST /bank-transactions/{id}/ignore (finance): off the queue with a reason (a refund, a transfer
 * between own accounts, booked by hand). Ignoring it again answers it as it is.
 */
export function makeIgnoreBankTransaction(deps: Pick<BankReconciliationDeps, 'transactions' | 'clock'>) {
  return async (transactionId: string, reason: string, by: Actor): Promise<StoredBankTransaction> => {
    const tx = await deps.transactions.get(transactionId);
    if (!tx) throw new NotFoundError(`bank transaction ${transactionId} not found`);
    if (tx.state === 'ignored') return tx;
    if (tx.state !== 'unmatched') {
      throw new ConflictError(
        `bank transaction ${transactionId} is ${tx.state}; only an unmatched one can be ignored`,
        tx.state,
      );
    }
    const now = deps.clock.now().toISOString();
    const ignored: StoredBankTransaction = {
      ...tx,
      state: 'ignored',
      ignored: { reason, at: now, actor: by },
      updatedAt: now,
      version: tx.version + 1,
    };
    await deps.transactions.save(ignored);
    return ignored;
  };
}
