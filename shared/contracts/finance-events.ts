import * as z from '../zod-mini';

/**
 * The bank reconciliation's events (source `tradeflow.finance`), listed in EVENT_TYPES with the
 * others. Ids and figures only: never the payer's name, IBAN or remittance text.
 */

const money = z.object({ amount: z.string(), currency: z.string() });
const bankEvent = {
  version: z.literal(1),
  changeId: z.string().check(z.minLength(1)),
  occurredAt: z.iso.datetime(),
  transactionId: z.string(),
  /** YYYY-MM-DD, as the bank booked it. */
  bookingDate: z.string(),
  amount: money,
};

/** A bank credit recorded as payment on one or more orders. `orderId`: the first order it pays. */
export const bankTransactionMatchedV1 = z.object({
  ...bankEvent,
  orderId: z.string(),
  matchedBy: z.enum(['reference', 'amount-and-customer', 'manual']),
  settlement: z.enum(['full', 'partial', 'over']),
  /** Still open after it (partial), or paid beyond what was open (over: the customer's credit). */
  remainder: money,
  withinTolerance: z.boolean(),
  allocations: z.array(z.object({ orderId: z.string(), customerId: z.string(), amount: money })),
});

/**
 * A bank credit that waits in finance's reconciliation queue. It concerns no order yet: `orderId`
 * carries the transaction id (consumers key their once-log on `orderId`), as InquiryOverdue does.
 */
export const bankTransactionUnmatchedV1 = z.object({
  ...bankEvent,
  orderId: z.string(),
  reason: z.string(),
  candidateOrderIds: z.array(z.string()),
});
