import {
  agingQuery,
  bankTransactionIdParam,
  creditHoldsQuery,
  customerIdParam,
  ignoreBankTransactionBody,
  importStatementEnvelope,
  listBankTransactionsQuery,
  listReceivablesQuery,
  matchBankTransactionBody,
  putCustomerCreditBody,
  putExchangeRatesBody,
} from '../../shared/contracts/finance';
import {
  agingResponse,
  bankTransactionPageResponse,
  bankTransactionResponse,
  creditHoldsResponse,
  customerCreditResponse,
  exchangeRatesResponse,
  importStatementResponse,
  receivablesResponse,
} from '../../shared/contracts/finance-responses';
import type { RouteContract } from './route-contracts';

/** The finance routes' contracts (infra/topology/finance.ts), spread into routeContracts. */

const noTransaction = { 404: 'No bank transaction with this id' };

export const financeRouteContracts: Record<string, RouteContract> = {
  'POST /bank-transactions': {
    summary: 'Import a bank statement',
    description:
      'An ISO 20022 camt.053 statement (Content-Type `application/xml` or `text/xml`) or a CSV statement ' +
      '(`text/csv`: columns date, amount, currency, and optionally value_date, reference, counterparty_name, ' +
      'counterparty_iban, bank_reference), sent as the body itself, or in the JSON envelope shown here ' +
      '(`encoding: base64` for the file as bytes). At most 1 MB and 300 transactions; a file that cannot be ' +
      'read is refused whole (400, every problem named). Each transaction is kept once by its bank reference: ' +
      'importing a statement again adds nothing (`alreadyImported`). New credits are reconciled: by an order ' +
      'id (or invoice number) in the remittance first, then by amount, currency and payer within the ' +
      'tolerance; a match is recorded as a payment on the order (reference: the transaction id), which ends ' +
      "the order's wait for money once covered; an over payment stays on the order as the customer's credit. " +
      'Anything else waits in the reconciliation queue (`GET /bank-transactions`).',
    tag: 'Finance',
    body: importStatementEnvelope,
    gatewayValidation: false,
    idempotent: true,
    responses: { 200: { description: 'What became of each transaction', body: importStatementResponse } },
    example: {
      format: 'csv',
      content:
        'date,amount,currency,reference,counterparty_name,bank_reference\n' +
        '2026-04-17,1829.88,EUR,Deposit ord_01JQM9S346Q3D25VT4F5V37E3S,Hamburg Tools GmbH,CSV-0417-01\n',
    },
  },
  'GET /bank-transactions': {
    summary: 'List bank transactions (the reconciliation queue)',
    description:
      'By status, oldest booking first: `unmatched` (the default) is the queue finance works through; also ' +
      '`matched`, `ignored`, `not-applicable` (debits, reversals, pending), and `received`/`matching` ' +
      '(an import that stopped half way: import the statement again to finish them).',
    tag: 'Finance',
    query: listBankTransactionsQuery,
    responses: { 200: { description: 'A page of transactions', body: bankTransactionPageResponse } },
  },
  'POST /bank-transactions/{id}/match': {
    summary: 'Match a queued transaction to an order',
    description:
      'Records the whole amount as a payment on the order (the same path as an automatic match: it ends ' +
      "the order's wait for money once covered; money beyond what is open stays as the customer's credit).",
    tag: 'Finance',
    pathParams: { id: bankTransactionIdParam },
    body: matchBankTransactionBody,
    idempotent: true,
    responses: { 200: { description: 'The matched transaction', body: bankTransactionResponse } },
    problems: {
      404: 'No bank transaction, or no order, with this id',
      409: 'The transaction is matched elsewhere, ignored or not a payment, or the order takes no payment now',
    },
    example: { orderId: 'ord_01JQM9S346Q3D25VT4F5V37E3S' },
  },
  'POST /bank-transactions/{id}/ignore': {
    summary: 'Take a transaction off the queue',
    description: 'A refund, a transfer between own accounts, or booked by hand: kept, with the reason.',
    tag: 'Finance',
    pathParams: { id: bankTransactionIdParam },
    body: ignoreBankTransactionBody,
    idempotent: true,
    responses: { 200: { description: 'The ignored transaction', body: bankTransactionResponse } },
    problems: { ...noTransaction, 409: 'Only an unmatched transaction can be ignored' },
    example: { reason: 'Refund from our freight forwarder, booked by hand' },
  },
  'GET /receivables': {
    summary: 'List open receivables',
    description:
      "Each order's installments not fully paid, with the due date its terms and lifecycle give (deposit: " +
      'the confirmation; balance: when the order began waiting for it; D/P, D/A, OA: from delivery) and ' +
      'what is outstanding, oldest due first; installments not yet due have no `dueAt`. Also the credits ' +
      '(over payments) customers hold, and totals per currency. Read from an index of open receivables only.',
    tag: 'Finance',
    query: listReceivablesQuery,
    responses: { 200: { description: 'Open receivables', body: receivablesResponse } },
  },
  'GET /receivables/aging': {
    summary: 'Receivables aging',
    description:
      'What is owed by days overdue on `asOf` (default today): current, 1–30, 31–60, 61–90, 90+, per customer ' +
      'and in total, in each currency and in the company currency at the rates in effect that day ' +
      '(`PUT /settings/exchange-rates`; a missing rate is named in `conversionProblem`). Installments not yet ' +
      'due are totalled in `notYetDue`.',
    tag: 'Finance',
    query: agingQuery,
    responses: { 200: { description: 'The aging report', body: agingResponse } },
  },
  'GET /credit/holds': {
    summary: "The credit controller's queue",
    description:
      'Orders in CREDIT_HOLD, oldest first, each with the numbers behind the hold: the review reason, ' +
      "exposure, limit and headroom at review, the customer's overdue money today and the terms in force now.",
    tag: 'Finance',
    query: creditHoldsQuery,
    responses: { 200: { description: 'A page of held orders', body: creditHoldsResponse } },
  },
  'GET /customers/{id}/credit': {
    summary: "A customer's credit terms and their history",
    description: 'The credit limit and payment terms in force, the `version` to send back, and every change.',
    tag: 'Finance',
    pathParams: { id: customerIdParam },
    responses: { 200: { description: 'Credit terms and history', body: customerCreditResponse } },
    problems: { 404: 'No customer with this id' },
  },
  'PUT /customers/{id}/credit': {
    summary: "Change a customer's credit terms",
    description:
      'A new credit limit and/or payment terms (null removes one) at the `version` read: 409 when the ' +
      'customer changed since. Kept in the history with who, when and why. The next credit review uses them.',
    tag: 'Finance',
    pathParams: { id: customerIdParam },
    body: putCustomerCreditBody,
    responses: { 200: { description: 'Credit terms and history', body: customerCreditResponse } },
    problems: { 404: 'No customer with this id', 409: 'It changed since the version given; read it again' },
    example: {
      version: 1,
      creditLimit: { amount: '80000.00', currency: 'EUR' },
      paymentTerms: { type: 'OA', netDays: 60 },
      note: 'Annual review: credit insurance raised',
    },
  },
  'GET /settings/exchange-rates': {
    summary: 'Read the exchange rates',
    description:
      'The company currency and every rate with the day it takes effect, and the `version` to send back.',
    tag: 'Finance',
    responses: { 200: { description: 'The rate table', body: exchangeRatesResponse } },
  },
  'PUT /settings/exchange-rates': {
    summary: 'Replace the exchange rates',
    description:
      'The company currency and the whole table of dated rates (units of `to` per `from`, as quoted) as ' +
      'the next version of the one read: 409 if another write came first. A rate is in effect from its ' +
      'day until the next one of its pair; the opposite pair is used inverted when only it is known.',
    tag: 'Finance',
    body: putExchangeRatesBody,
    responses: { 200: { description: 'The rate table, at its new version', body: exchangeRatesResponse } },
    problems: { 409: 'It changed since the version given; read it again' },
    example: {
      version: 0,
      companyCurrency: 'EUR',
      rates: [
        { from: 'EUR', to: 'USD', rate: '1.0842', effectiveFrom: '2026-04-01' },
        { from: 'GBP', to: 'EUR', rate: '1.1710', effectiveFrom: '2026-04-01' },
      ],
    },
  },
};
