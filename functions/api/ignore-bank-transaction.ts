import { makeDynamoBankTransactionStore } from '../../shared/adapters/dynamodb-bank-transactions';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { loadConfig } from '../../shared/config';
import { bankTransactionIdParam, ignoreBankTransactionBody } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { bankTransactionView } from '../../shared/http/finance-views';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeIgnoreBankTransaction } from '../../shared/use-cases/finance/match-bank-transaction';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    FINANCE_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const ignore = makeIgnoreBankTransaction({
  transactions: makeDynamoBankTransactionStore(dynamoDocumentClient(), config.FINANCE_TABLE),
  clock: systemClock,
});
const idempotent = idempotentApi({
  scope: 'ignore-bank-transaction',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /bank-transactions/{id}/ignore (finance): a queued transaction taken off the queue, with a reason. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const transactionId = pathParam(event, 'id', bankTransactionIdParam);
    const { reason } = parseBody(event, ignoreBankTransactionBody);
    return json(200, bankTransactionView(await ignore(transactionId, reason, callerOf(event))));
  }),
);
