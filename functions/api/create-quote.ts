import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoPricingSettings } from '../../shared/adapters/dynamodb-pricing-settings';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { createQuoteBody } from '../../shared/contracts/quotes';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { quoteView } from '../../shared/http/quote-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateQuote } from '../../shared/use-cases/quotes/create-quote';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    INQUIRIES_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const createQuote = makeCreateQuote({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  inquiries: makeDynamoInquiryRepository(db, config.INQUIRIES_TABLE),
  catalog: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  pricing: makeDynamoPricingSettings(db, config.SETTINGS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  newId,
});
const idempotent = idempotentApi({
  scope: 'create-quote',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /quotes (sales): a quote priced by the rules, DRAFT or PENDING_APPROVAL. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const quote = await createQuote(
      parseBody(event, createQuoteBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, quoteView(quote), { location: `/quotes/${quote.quoteId}` });
  }),
);
