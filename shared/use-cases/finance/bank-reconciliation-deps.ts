import type { Actor } from '../../domain/order';
import type { Tolerance } from '../../domain/reconciliation';
import type { BankTransactionStore } from '../../ports/bank-transactions';
import type { CustomerRepository } from '../../ports/customers';
import type { ReceivableReader } from '../../ports/receivables';
import type { OrderActionDeps } from '../order-action';

/**
 * What bank reconciliation needs: its own store, the open receivables, customers (the names a payer
 * is matched by), and the order-action ports of the payment path (POST /orders/{id}/payments), which
 * records each match and ends the order's payment wait.
 */
export interface BankReconciliationDeps extends OrderActionDeps {
  transactions: BankTransactionStore;
  receivables: ReceivableReader;
  customers: CustomerRepository;
  /** How far an amount may be from what is open and still match by amount (wire fees, rounding). */
  tolerance: Tolerance;
}

/** Who records the payments reconciliation matches on its own. */
export const RECONCILIATION: Actor = { kind: 'system', id: 'bank-reconciliation' };
