import { BANK_TRANSACTION_STATUSES } from '../bank/stored-transaction';
import * as z from '../zod-mini';
import { paymentTerms } from './common';

/** The finance routes' answers (shared/http/finance-views.ts), for the OpenAPI document. */

const money = z.object({ amount: z.string(), currency: z.string() });
const actor = z.object({ kind: z.string(), id: z.string(), role: z.optional(z.string()) });
const status = z.enum(BANK_TRANSACTION_STATUSES);

const match = z.object({
  by: z.enum(['reference', 'amount-and-customer', 'manual']),
  settlement: z.enum(['full', 'partial', 'over']),
  remainder: money,
  withinTolerance: z.boolean(),
  allocations: z.array(z.object({ orderId: z.string(), customerId: z.string(), amount: money })),
  at: z.string(),
  actor,
});

export const bankTransactionResponse = z.object({
  transactionId: z.string(),
  status,
  bookingStatus: z.string(),
  bankReference: z.string(),
  bookingDate: z.string(),
  valueDate: z.string(),
  amount: money,
  creditDebit: z.enum(['CRDT', 'DBIT']),
  reversal: z.boolean(),
  remittance: z.string(),
  additionalInfo: z.optional(z.string()),
  endToEndId: z.optional(z.string()),
  counterpartyName: z.optional(z.string()),
  counterpartyIban: z.optional(z.string()),
  accountIban: z.optional(z.string()),
  reason: z.optional(z.string()),
  references: z.optional(z.array(z.string())),
  candidateOrderIds: z.optional(z.array(z.string())),
  match: z.optional(match),
  ignored: z.optional(z.object({ reason: z.string(), at: z.string(), actor })),
  importedAt: z.string(),
  updatedAt: z.string(),
});

export const bankTransactionPageResponse = z.object({
  items: z.array(bankTransactionResponse),
  nextToken: z.optional(z.string()),
});

export const importStatementResponse = z.object({
  format: z.enum(['camt053', 'csv']),
  counts: z.object({
    transactions: z.number(),
    alreadyImported: z.number(),
    matched: z.number(),
    unmatched: z.number(),
    notApplicable: z.number(),
  }),
  transactions: z.array(
    z.object({
      transactionId: z.string(),
      bankReference: z.string(),
      bookingDate: z.string(),
      amount: money,
      creditDebit: z.enum(['CRDT', 'DBIT']),
      status,
      alreadyImported: z.boolean(),
      match: z.optional(match),
      reason: z.optional(z.string()),
    }),
  ),
});

export const receivablesResponse = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      orderId: z.string(),
      customerId: z.string(),
      orderStatus: z.string(),
      installment: z.enum(['deposit', 'balance', 'full']),
      label: z.string(),
      amount: money,
      outstanding: money,
      dueAt: z.optional(z.string()),
      daysOverdue: z.optional(z.number()),
    }),
  ),
  credits: z.array(z.object({ orderId: z.string(), customerId: z.string(), amount: money })),
  totals: z.array(z.object({ currency: z.string(), outstanding: money, overdue: money, notYetDue: money })),
});

const agingLine = z.object({
  currency: z.string(),
  buckets: z.object({
    current: z.string(),
    '1-30': z.string(),
    '31-60': z.string(),
    '61-90': z.string(),
    '90+': z.string(),
  }),
  total: z.string(),
});

export const agingResponse = z.object({
  asOf: z.string(),
  companyCurrency: z.string(),
  customers: z.array(
    z.object({
      customerId: z.string(),
      byCurrency: z.array(agingLine),
      inCompanyCurrency: z.optional(agingLine),
    }),
  ),
  totals: z.array(agingLine),
  inCompanyCurrency: z.optional(z.object({ ...agingLine.shape, ratesOn: z.string() })),
  conversionProblem: z.optional(z.string()),
  notYetDue: z.array(money),
});

const terms = { creditLimit: z.optional(money), paymentTerms: z.optional(paymentTerms) };

export const creditHoldsResponse = z.object({
  items: z.array(
    z.object({
      orderId: z.string(),
      customerId: z.string(),
      total: money,
      heldSince: z.string(),
      reason: z.optional(z.string()),
      terms: z.optional(z.string()),
      creditNeeded: z.optional(z.boolean()),
      limit: z.optional(money),
      outstanding: z.optional(money),
      orderExposure: z.optional(money),
      exposure: z.optional(money),
      headroom: z.optional(money),
      reviewedAt: z.optional(z.string()),
      overdue: z.array(money),
      current: z.object(terms),
    }),
  ),
  nextToken: z.optional(z.string()),
});

export const customerCreditResponse = z.object({
  customerId: z.string(),
  version: z.number(),
  ...terms,
  history: z.array(
    z.object({
      version: z.number(),
      at: z.string(),
      by: actor,
      before: z.object(terms),
      after: z.object(terms),
      note: z.optional(z.string()),
    }),
  ),
});

export const exchangeRatesResponse = z.object({
  version: z.number(),
  companyCurrency: z.string(),
  rates: z.array(z.object({ from: z.string(), to: z.string(), rate: z.string(), effectiveFrom: z.string() })),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});
