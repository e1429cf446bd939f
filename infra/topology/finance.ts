import { BANK_STATUS_INDEX } from '../../shared/adapters/bank-transaction-keys';
import { OPEN_RECEIVABLES_INDEX } from '../../shared/adapters/open-receivable-keys';
import { apiFunction, keyed } from './function-specs';
import type { FunctionSpec, IndexSpec, RouteSpec, TableSpec } from './types';

/**
 * Finance (the back-office issue): bank statements and their reconciliation queue, receivables and
 * their aging, credit terms with their history and the credit controller's queue, exchange rates.
 * Kept beside index.ts, as lifecycle.ts and escalations.ts are.
 */

/**
 * On the orders table: the orders that owe money or hold a credit, by customer shard and
 * `<customerId>#<orderId>` (open-receivable-keys.ts). Sparse, so the receivables listing, the aging
 * report and reconciliation read what is open, never every order; it projects only the small
 * `receivable` attribute (open installments with due dates), which changes only with payments and the
 * lifecycle dates, so most order writes write nothing to it.
 */
export const openReceivablesIndex: IndexSpec = {
  name: OPEN_RECEIVABLES_INDEX,
  partitionKey: { name: 'receivableShard', type: 'S' },
  sortKey: { name: 'receivableKey', type: 'S' },
  projection: { include: ['receivable'] },
};

/**
 * Bank transactions (one item each, by an id from the account and the bank's reference, which makes
 * re-imports add nothing) and the payers learned from matches. Its own table: the functions that read
 * statements need no access to orders' or customers' other items, and the other way round.
 */
export const financeTables: Record<string, TableSpec> = {
  finance: {
    name: 'finance',
    envVar: 'FINANCE_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        name: BANK_STATUS_INDEX,
        partitionKey: { name: 'bankStatus', type: 'S' },
        sortKey: { name: 'bankStatusKey', type: 'S' },
        projection: 'ALL',
      },
    ],
  },
};

const api = keyed(apiFunction);

/**
 * Reconciling records payments through the order-payment path: orders read and written, the bus
 * (PaymentReceived, BankTransactionMatched/Unmatched) and the workflow callback that ends a wait.
 */
const reconcilerAccess: FunctionSpec['access'] = {
  tables: { finance: 'readwrite', orders: 'readwrite', customers: 'read', idempotency: 'readwrite' },
  bus: true,
  workflows: { orderLifecycle: ['callback'] },
};

/** The matching tolerance: 0.5% of what is open, or wire fees up to these amounts, whichever is larger. */
const TOLERANCE = {
  RECONCILE_TOLERANCE_BASIS_POINTS: '50',
  RECONCILE_TOLERANCE_ABSOLUTE: 'EUR:25.00,USD:30.00,GBP:25.00,CHF:25.00',
};

export const financeFunctions: [string, FunctionSpec][] = [
  [
    'import-bank-statement',
    {
      ...apiFunction(
        'import-bank-statement',
        'POST /bank-transactions: a camt.053 or CSV statement, kept once per transaction and reconciled',
        reconcilerAccess,
      ),
      // Up to 300 transactions, each recorded on its orders: most of API Gateway's 29 s.
      memoryMb: 512,
      timeoutSeconds: 28,
      environment: TOLERANCE,
    },
  ],
  api('list-bank-transactions', 'GET /bank-transactions: the reconciliation queue and other statuses', {
    tables: { finance: 'read' },
  }),
  [
    'match-bank-transaction',
    {
      ...apiFunction(
        'match-bank-transaction',
        'POST /bank-transactions/{id}/match: a queued transaction recorded as payment on an order',
        reconcilerAccess,
      ),
      environment: TOLERANCE,
    },
  ],
  api('ignore-bank-transaction', 'POST /bank-transactions/{id}/ignore: a queued transaction set aside', {
    tables: { finance: 'readwrite', idempotency: 'readwrite' },
  }),
  api('list-receivables', 'GET /receivables: open installments with due dates and outstanding amounts', {
    tables: { orders: 'read' },
  }),
  api('get-receivables-aging', 'GET /receivables/aging: overdue buckets per customer and in total', {
    tables: { orders: 'read', settings: 'read' },
  }),
  api('list-credit-holds', 'GET /credit/holds: orders on credit hold with the numbers behind each', {
    tables: { orders: 'read', customers: 'read' },
  }),
  api('get-customer-credit', "GET /customers/{id}/credit: a customer's credit terms and their history", {
    tables: { customers: 'read' },
  }),
  api('put-customer-credit', 'PUT /customers/{id}/credit: new credit limit or terms, kept in the history', {
    tables: { customers: 'readwrite' },
  }),
  api('get-exchange-rates', 'GET /settings/exchange-rates: the company currency and the dated rates', {
    tables: { settings: 'read' },
  }),
  api('put-exchange-rates', 'PUT /settings/exchange-rates: a new version of the dated rates', {
    tables: { settings: 'readwrite' },
  }),
];

export const financeRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/bank-transactions',
    function: 'import-bank-statement',
    callers: { staff: ['finance'] },
  },
  {
    method: 'GET',
    path: '/bank-transactions',
    function: 'list-bank-transactions',
    callers: { staff: ['finance'] },
  },
  {
    method: 'POST',
    path: '/bank-transactions/{id}/match',
    function: 'match-bank-transaction',
    callers: { staff: ['finance'] },
  },
  {
    method: 'POST',
    path: '/bank-transactions/{id}/ignore',
    function: 'ignore-bank-transaction',
    callers: { staff: ['finance'] },
  },
  {
    method: 'GET',
    path: '/receivables',
    function: 'list-receivables',
    callers: { staff: ['finance', 'sales', 'admin'] },
  },
  {
    method: 'GET',
    path: '/receivables/aging',
    function: 'get-receivables-aging',
    callers: { staff: ['finance', 'admin'] },
  },
  { method: 'GET', path: '/credit/holds', function: 'list-credit-holds', callers: { staff: ['finance'] } },
  {
    method: 'GET',
    path: '/customers/{id}/credit',
    function: 'get-customer-credit',
    callers: { staff: ['finance', 'sales', 'sales-manager', 'admin'] },
  },
  {
    method: 'PUT',
    path: '/customers/{id}/credit',
    function: 'put-customer-credit',
    callers: { staff: ['finance'] },
  },
  {
    method: 'GET',
    path: '/settings/exchange-rates',
    function: 'get-exchange-rates',
    callers: { staff: ['finance', 'admin'] },
  },
  {
    method: 'PUT',
    path: '/settings/exchange-rates',
    function: 'put-exchange-rates',
    callers: { staff: ['finance', 'admin'] },
  },
];
