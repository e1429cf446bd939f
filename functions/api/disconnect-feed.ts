import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoFeedConnections } from '../../shared/adapters/dynamodb-feed-connections';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { makeDisconnectFromFeed } from '../../shared/use-cases/connect-to-feed';
import * as z from '../../shared/zod-mini';
import { type FeedRouteResult, feedRouteEvent } from './feed-route-event';

const config = loadConfig(z.object({ CONNECTIONS_TABLE: z.string().check(z.minLength(1)) }));
const disconnect = makeDisconnectFromFeed({
  connections: makeDynamoFeedConnections(dynamoDocumentClient(), config.CONNECTIONS_TABLE),
});

/** The feed's `$disconnect` route: API Gateway's best effort, so the fan-out also forgets 410s and TTL the rest. */
export const handler = middy<unknown, FeedRouteResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (raw) => {
    const { connectionId } = z.parse(feedRouteEvent, raw).requestContext;
    await disconnect(connectionId);
    logger.info('feed disconnect', { connectionId });
    return { statusCode: 200 };
  });
