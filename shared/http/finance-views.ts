import type { StoredBankTransaction } from '../bank/stored-transaction';
import { AGING_BUCKETS, type AgingLine } from '../domain/aging';
import type { CreditChange, CreditTerms } from '../domain/credit-terms';
import type { ExchangeRateSettings } from '../domain/exchange-rate-settings';
import type { Money } from '../domain/money';
import type { CustomerCredit } from '../ports/credit-terms';
import type { CreditHold } from '../use-cases/finance/credit-holds';
import type { ImportedTransaction, ImportResult } from '../use-cases/finance/import-bank-statement';
import type { AgingAnswer, ReceivablesListing } from '../use-cases/finance/receivables-report';
import { moneyOut } from '../use-cases/money-view';

/** The finance routes' answers: money as `{ amount, currency }` with decimal strings. */

const money = (value: Money) => moneyOut(value);

function matchView(match: NonNullable<StoredBankTransaction['match']>) {
  return {
    by: match.by,
    settlement: match.settlement,
    remainder: money(match.remainder),
    withinTolerance: match.withinTolerance,
    allocations: match.allocations.map((a) => ({
      orderId: a.orderId,
      customerId: a.customerId,
      amount: money(a.amount),
    })),
    at: match.at,
    actor: match.actor,
  };
}

export function bankTransactionView(tx: StoredBankTransaction) {
  return {
    transactionId: tx.transactionId,
    status: tx.state,
    /** The bank's own: BOOK (booked), PDNG (pending), INFO. */
    bookingStatus: tx.status,
    bankReference: tx.bankReference,
    bookingDate: tx.bookingDate,
    valueDate: tx.valueDate,
    amount: money(tx.amount),
    creditDebit: tx.creditDebit,
    reversal: tx.reversal,
    remittance: tx.remittance,
    ...(tx.additionalInfo ? { additionalInfo: tx.additionalInfo } : {}),
    ...(tx.endToEndId ? { endToEndId: tx.endToEndId } : {}),
    ...(tx.counterpartyName ? { counterpartyName: tx.counterpartyName } : {}),
    ...(tx.counterpartyIban ? { counterpartyIban: tx.counterpartyIban } : {}),
    ...(tx.accountIban ? { accountIban: tx.accountIban } : {}),
    ...(tx.reason ? { reason: tx.reason } : {}),
    ...(tx.references?.length ? { references: tx.references } : {}),
    ...(tx.candidateOrderIds?.length ? { candidateOrderIds: tx.candidateOrderIds } : {}),
    ...(tx.match ? { match: matchView(tx.match) } : {}),
    ...(tx.ignored ? { ignored: tx.ignored } : {}),
    importedAt: tx.importedAt,
    updatedAt: tx.updatedAt,
  };
}

function importedView(tx: ImportedTransaction) {
  return {
    transactionId: tx.transactionId,
    bankReference: tx.bankReference,
    bookingDate: tx.bookingDate,
    amount: money(tx.amount),
    creditDebit: tx.creditDebit,
    status: tx.status,
    alreadyImported: tx.alreadyImported,
    ...(tx.match ? { match: matchView(tx.match) } : {}),
    ...(tx.reason ? { reason: tx.reason } : {}),
  };
}

export function importResultView(result: ImportResult) {
  const count = (test: (tx: ImportedTransaction) => boolean) => result.transactions.filter(test).length;
  const fresh = (status: ImportedTransaction['status']) => (tx: ImportedTransaction) =>
    !tx.alreadyImported && tx.status === status;
  return {
    format: result.format,
    counts: {
      transactions: result.transactions.length,
      alreadyImported: count((tx) => tx.alreadyImported),
      matched: count(fresh('matched')),
      unmatched: count(fresh('unmatched')),
      notApplicable: count(fresh('not-applicable')),
    },
    transactions: result.transactions.map(importedView),
  };
}

export function receivablesView(listing: ReceivablesListing) {
  return {
    asOf: listing.asOf,
    items: listing.items.map((item) => ({
      orderId: item.orderId,
      customerId: item.customerId,
      orderStatus: item.orderStatus,
      installment: item.kind,
      label: item.label,
      amount: money(item.amount),
      outstanding: money(item.outstanding),
      ...(item.dueAt ? { dueAt: item.dueAt } : {}),
      ...(item.daysOverdue !== undefined ? { daysOverdue: item.daysOverdue } : {}),
    })),
    credits: listing.credits.map((c) => ({
      orderId: c.orderId,
      customerId: c.customerId,
      amount: money(c.amount),
    })),
    totals: listing.totals.map((t) => ({
      currency: t.currency,
      outstanding: money(t.outstanding),
      overdue: money(t.overdue),
      notYetDue: money(t.notYetDue),
    })),
  };
}

function agingLineView(line: AgingLine) {
  return {
    currency: line.currency,
    buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, money(line.buckets[b]).amount])) as Record<
      (typeof AGING_BUCKETS)[number],
      string
    >,
    total: money(line.total).amount,
  };
}

export function agingView(report: AgingAnswer) {
  return {
    asOf: report.asOf,
    companyCurrency: report.companyCurrency,
    customers: report.customers.map((c) => ({
      customerId: c.customerId,
      byCurrency: c.byCurrency.map(agingLineView),
      ...(c.inCompanyCurrency ? { inCompanyCurrency: agingLineView(c.inCompanyCurrency) } : {}),
    })),
    totals: report.totals.map(agingLineView),
    ...(report.inCompanyCurrency
      ? {
          inCompanyCurrency: {
            ...agingLineView(report.inCompanyCurrency),
            ratesOn: report.inCompanyCurrency.ratesOn,
          },
        }
      : {}),
    ...(report.conversionProblem ? { conversionProblem: report.conversionProblem } : {}),
    notYetDue: report.notYetDue.map(money),
  };
}

function termsView(terms: CreditTerms) {
  return {
    ...(terms.creditLimit ? { creditLimit: money(terms.creditLimit) } : {}),
    ...(terms.paymentTerms ? { paymentTerms: terms.paymentTerms } : {}),
  };
}

export function creditHoldsView(page: { items: CreditHold[]; nextToken?: string }) {
  return {
    items: page.items.map((hold) => ({
      orderId: hold.orderId,
      customerId: hold.customerId,
      total: money(hold.total),
      heldSince: hold.heldSince,
      ...(hold.review
        ? {
            reason: hold.review.reason,
            terms: hold.review.terms,
            creditNeeded: hold.review.creditNeeded,
            ...(hold.review.limit ? { limit: money(hold.review.limit) } : {}),
            outstanding: money(hold.review.outstanding),
            orderExposure: money(hold.review.orderExposure),
            ...(hold.review.totalExposure ? { exposure: money(hold.review.totalExposure) } : {}),
            ...(hold.review.headroom ? { headroom: money(hold.review.headroom) } : {}),
            reviewedAt: hold.review.at,
          }
        : {}),
      overdue: hold.overdue.map(money),
      current: termsView(hold.current),
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

function changeView(change: CreditChange) {
  return {
    version: change.version,
    at: change.at,
    by: change.by,
    before: termsView(change.before),
    after: termsView(change.after),
    ...(change.note ? { note: change.note } : {}),
  };
}

export function customerCreditView(credit: CustomerCredit) {
  const { customer } = credit;
  return {
    customerId: customer.customerId,
    version: customer.version,
    ...termsView({
      ...(customer.creditLimit ? { creditLimit: customer.creditLimit } : {}),
      ...(customer.paymentTerms ? { paymentTerms: customer.paymentTerms } : {}),
    }),
    history: credit.history.map(changeView),
  };
}

export function exchangeRatesView(settings: ExchangeRateSettings) {
  return {
    version: settings.version,
    companyCurrency: settings.companyCurrency,
    rates: settings.rates,
    ...(settings.updatedAt ? { updatedAt: settings.updatedAt } : {}),
    ...(settings.updatedBy ? { updatedBy: settings.updatedBy } : {}),
  };
}
