import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { loadConfig } from '../../shared/config';
import { quoteIdParam } from '../../shared/contracts/quotes';
import { NotFoundError } from '../../shared/errors';
import { apiHandler } from '../../shared/http/api-handler';
import { quoteView } from '../../shared/http/quote-views';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ QUOTES_TABLE: z.string().check(z.minLength(1)) }));
const quotes = makeDynamoQuoteRepository(dynamoDocumentClient(), config.QUOTES_TABLE);

/** GET /quotes/{id} (staff): the current revision in full, and the history of revisions. */
export const handler = apiHandler(async (event) => {
  const quoteId = pathParam(event, 'id', quoteIdParam);
  const quote = await quotes.get(quoteId);
  if (!quote) throw new NotFoundError(`quote ${quoteId} not found`);
  return json(200, quoteView(quote));
});
