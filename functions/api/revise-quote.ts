import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoPricingSettings } from '../../shared/adapters/dynamodb-pricing-settings';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { quoteIdParam, reviseQuoteBody } from '../../shared/contracts/quotes';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { quoteView } from '../../shared/http/quote-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeReviseQuote } from '../../shared/use-cases/quotes/revise-quote';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const reviseQuote = makeReviseQuote({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  catalog: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  pricing: makeDynamoPricingSettings(db, config.SETTINGS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});
const idempotent = idempotentApi({
  scope: 'revise-quote',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /quotes/{id}/revisions (sales): the next revision, repriced, with what changed. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const quote = await reviseQuote(
      pathParam(event, 'id', quoteIdParam),
      parseBody(event, reviseQuoteBody),
      callerOf(event),
    );
    return json(201, quoteView(quote));
  }),
);
