import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { loadConfig } from '../../shared/config';
import { approveQuoteBody, quoteIdParam } from '../../shared/contracts/quotes';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { quoteView } from '../../shared/http/quote-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeApproveQuote } from '../../shared/use-cases/quotes/approve-quote';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const approveQuote = makeApproveQuote({
  quotes: makeDynamoQuoteRepository(dynamoDocumentClient(), config.QUOTES_TABLE),
  clock: systemClock,
});
const idempotent = idempotentApi({
  scope: 'approve-quote',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /quotes/{id}/approve (sales-manager; admin may too): approves lines below the margin floor. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const quote = await approveQuote(
      pathParam(event, 'id', quoteIdParam),
      parseBody(event, approveQuoteBody),
      callerOf(event),
    );
    return json(200, quoteView(quote));
  }),
);
