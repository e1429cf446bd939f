import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { safeParse } from 'zod/v4/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { makeDynamoTrackingTokens } from '../../shared/adapters/dynamodb-tracking-tokens';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnOrderWorkflow } from '../../shared/adapters/sfn-order-workflow';
import { loadConfig } from '../../shared/config';
import { acceptQuoteBody, quoteIdParam } from '../../shared/contracts/quotes';
import { apiHandler } from '../../shared/http/api-handler';
import { acceptedView } from '../../shared/http/quote-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { acceptFormAnswer, formToken, isFormPost } from '../../shared/quote-page/accept-form';
import { quoteNotFound } from '../../shared/quote-page/responses';
import { makePlaceOrder } from '../../shared/use-cases/place-order';
import { makeAcceptQuote } from '../../shared/use-cases/quotes/accept-quote';
import { makeOpenQuoteLink } from '../../shared/use-cases/quotes/open-quote-link';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const quotes = makeDynamoQuoteRepository(db, config.QUOTES_TABLE);
const customers = makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE);
const openQuoteLink = makeOpenQuoteLink({ quotes, customers, clock: systemClock });
const acceptQuote = makeAcceptQuote({
  quotes,
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  placeOrder: makePlaceOrder({
    orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
    customers,
    workflow: makeSfnOrderWorkflow(new SFNClient({}), config.ORDER_WORKFLOW_ARN),
    clock: systemClock,
    newId,
    trackingTokens: makeDynamoTrackingTokens(db, config.ORDERS_TABLE),
  }),
});

/**
 * POST /quotes/{id}/accept (the buyer, by the link: no key, no authorizer): checks the token, marks
 * the quote ACCEPTED and places its order. A JSON body (`{ token }`) gets JSON; the acceptance page's
 * form (urlencoded `token=`) gets a page: the order's number, or why not. Idempotent by itself (a
 * repeat answers the same order), so an Idempotency-Key is accepted and not needed.
 */
export const handler = apiHandler(async (event) => {
  if (isFormPost(event)) {
    const quoteId = safeParse(quoteIdParam, event.pathParameters?.id);
    const token = formToken(event);
    if (!quoteId.success || !token) return quoteNotFound();
    return acceptFormAnswer(
      quoteId.data,
      async () => {
        const { quote, orderId } = await acceptQuote(quoteId.data, token);
        return { orderId, language: (await customers.get(quote.customerId))?.language };
      },
      () => openQuoteLink(quoteId.data, token),
    );
  }
  const quoteId = pathParam(event, 'id', quoteIdParam);
  const { token } = parseBody(event, acceptQuoteBody);
  const { quote, orderId } = await acceptQuote(quoteId, token);
  return json(200, acceptedView(quote, orderId));
});
