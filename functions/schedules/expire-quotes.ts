import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoQuoteRepository } from '../../shared/adapters/dynamodb-quotes';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { type ExpirySweepResult, makeExpireQuotes } from '../../shared/use-cases/quotes/expire-quotes';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    QUOTES_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const sweep = makeExpireQuotes({
  quotes: makeDynamoQuoteRepository(db, config.QUOTES_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

/** The `expire-quotes` schedule: QuoteExpiring before a sent quote expires (sales is told), then QuoteExpired. */
export const handler = middy<unknown, ExpirySweepResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweep();
    logger.info('quote expiry sweep', { ...result });
    return result;
  });
