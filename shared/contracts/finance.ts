import { BANK_TRANSACTION_STATUSES } from '../bank/stored-transaction';
import { MAX_EXCHANGE_RATES } from '../domain/exchange-rate-settings';
import * as z from '../zod-mini';
import { currencyCode, decimalAmount, nonEmpty, pageLimit, pageToken, paymentTerms } from './common';
import { orderIdParam } from './orders';

/** The finance routes' inputs: bank statements and the reconciliation queue, receivables, credit, rates. */

/**
 * POST /bank-transactions with Content-Type application/json: the statement file in an envelope,
 * for clients that can only send JSON. `encoding` base64 for a file taken as bytes (default: the
 * file's text as it is).
 */
export const importStatementEnvelope = z.strictObject({
  format: z.enum(['camt053', 'csv'], { message: 'must be camt053 or csv' }),
  content: z.string().check(z.minLength(1, 'must not be empty')),
  encoding: z.optional(z.enum(['utf8', 'base64'], { message: 'must be utf8 or base64' })),
});
export type ImportStatementEnvelope = z.infer<typeof importStatementEnvelope>;

export const bankTransactionIdParam = z
  .string()
  .check(z.regex(/^btx_[0-9a-f]{24}$/, 'is not a bank transaction id'));

export const matchBankTransactionBody = z.strictObject({ orderId: orderIdParam });
export const ignoreBankTransactionBody = z.strictObject({ reason: nonEmpty(500) });

export const listBankTransactionsQuery = z.strictObject({
  status: z._default(
    z.enum(BANK_TRANSACTION_STATUSES, { message: `must be one of ${BANK_TRANSACTION_STATUSES.join(', ')}` }),
    'unmatched',
  ),
  limit: pageLimit(50),
  nextToken: pageToken,
});

const isoDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD'));

export const listReceivablesQuery = z.strictObject({
  customerId: z.optional(nonEmpty(64)),
  /** The day overdue days are counted to (default today, UTC). */
  asOf: z.optional(isoDate),
});

export const agingQuery = z.strictObject({ asOf: z.optional(isoDate) });

export const creditHoldsQuery = z.strictObject({
  limit: pageLimit(50),
  nextToken: pageToken,
});

export const customerIdParam = nonEmpty(64);

const money = z.strictObject({ amount: decimalAmount, currency: currencyCode });

/** PUT /customers/{id}/credit: a value sets it, null removes it, absent leaves it. */
export const putCustomerCreditBody = z
  .strictObject({
    /** The customer's version as read (GET /customers/{id}/credit); a newer one answers 409. */
    version: z.number().check(z.int('must be a whole number'), z.minimum(1, 'must be at least 1')),
    creditLimit: z.optional(z.nullable(money)),
    paymentTerms: z.optional(z.nullable(paymentTerms)),
    /** Why, for the history (a review, a new guarantee…). */
    note: z.optional(nonEmpty(500)),
  })
  .check(
    z.refine((body) => body.creditLimit !== undefined || body.paymentTerms !== undefined, {
      message: 'give creditLimit and/or paymentTerms (null removes one)',
    }),
  );
export type PutCustomerCreditBody = z.infer<typeof putCustomerCreditBody>;

const rate = z.strictObject({
  from: currencyCode,
  to: currencyCode,
  /** Units of `to` for one `from`, as quoted: a positive decimal string ("1.0842"). */
  rate: z
    .string()
    .check(z.regex(/^\d{1,12}(\.\d{1,12})?$/, 'must be a positive decimal string such as "1.0842"')),
  effectiveFrom: isoDate,
});

export const putExchangeRatesBody = z.strictObject({
  /** The version last read (0 when nothing was stored): a write over a newer one is refused (409). */
  version: z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be 0 or more')),
  companyCurrency: currencyCode,
  rates: z.array(rate).check(z.maxLength(MAX_EXCHANGE_RATES, `at most ${MAX_EXCHANGE_RATES} rates`)),
});
export type PutExchangeRatesBody = z.infer<typeof putExchangeRatesBody>;
