import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoFeedConnections } from '../../shared/adapters/dynamodb-feed-connections';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { makeConnectToFeed } from '../../shared/use-cases/connect-to-feed';
import * as z from '../../shared/zod-mini';
import { type FeedRouteResult, feedRouteEvent } from './feed-route-event';

const config = loadConfig(z.object({ CONNECTIONS_TABLE: z.string().check(z.minLength(1)) }));
const connect = makeConnectToFeed({
  connections: makeDynamoFeedConnections(dynamoDocumentClient(), config.CONNECTIONS_TABLE),
  clock: systemClock,
});

/** The feed's `$connect` route (after its authorizer): a 400 for unknown filter names refuses the connection. */
export const handler = middy<unknown, FeedRouteResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (raw) => {
    const event = z.parse(feedRouteEvent, raw);
    const { connectionId } = event.requestContext;
    const outcome = await connect({
      connectionId,
      query: event.queryStringParameters,
      role: event.requestContext.authorizer?.role ?? 'unknown',
    });
    logger.info('feed connect', { connectionId, outcome: outcome.ok ? 'kept' : 'refused' });
    if (outcome.ok) return { statusCode: 200 };
    return {
      statusCode: 400,
      body: JSON.stringify({
        error: { code: 'INVALID_INPUT', message: outcome.message, field: outcome.field },
      }),
    };
  });
