import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { loadConfig } from '../../shared/config';
import { listQuotesQuery } from '../../shared/contracts/quotes';
import { InvalidInputError } from '../../shared/errors';
import { apiHandler } from '../../shared/http/api-handler';
import { quoteSummaryView } from '../../shared/http/quote-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ QUOTES_TABLE: z.string().check(z.minLength(1)) }));
const quotes = makeDynamoQuoteRepository(dynamoDocumentClient(), config.QUOTES_TABLE);

/** GET /quotes?customerId=&status= (staff): newest first, a page at a time. */
export const handler = apiHandler(async (event) => {
  const query = parseWith(listQuotesQuery, event.queryStringParameters ?? {});
  if (!query.customerId && !query.status) {
    throw new InvalidInputError(
      'give customerId, status or both: quotes are listed by customer or by status',
      'status',
    );
  }
  const page = await quotes.list(query);
  return json(200, {
    items: page.items.map(quoteSummaryView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
