import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { buyerMailerFromConfig } from '../../shared/adapters/buyer-mailer-from-config';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoPricingSettings } from '../../shared/adapters/dynamodb-pricing-settings';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { quoteIdParam, sendQuoteBody } from '../../shared/contracts/quotes';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { quoteView } from '../../shared/http/quote-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { quoteLinks } from '../../shared/use-cases/quotes/quote-links';
import { makeSendQuote } from '../../shared/use-cases/quotes/send-quote';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
    /** The acceptance link is on the API: no URL, no link, so no send. */
    API_BASE_URL: z.url({ protocol: /^https?$/ }),
    /** Local demos run clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);
const db = dynamoDocumentClient();
const sendQuote = makeSendQuote({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  pricing: makeDynamoPricingSettings(db, config.SETTINGS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  mailer: buyerMailerFromConfig(db, config),
  links: quoteLinks(config.API_BASE_URL),
  clock: systemClock,
  timeScale: config.TRADEFLOW_TIME_SCALE,
});
const idempotent = idempotentApi({
  scope: 'send-quote',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /quotes/{id}/send (sales): emails the buyer the quote and its acceptance link; QuoteSent. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const body = event.body ? parseBody(event, sendQuoteBody) : {};
    const quote = await sendQuote(pathParam(event, 'id', quoteIdParam), body, callerOf(event));
    return json(200, quoteView(quote));
  }),
);
