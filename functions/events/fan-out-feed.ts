import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoFeedConnections } from '../../shared/adapters/dynamodb-feed-connections';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import type { ConnectionPoster } from '../../shared/ports/feed-connections';
import { type FanOutOutcome, makeFanOutFeed } from '../../shared/use-cases/fan-out-feed';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CONNECTIONS_TABLE: z.string().check(z.minLength(1)),
    // The WebSocket API's management endpoint, https://<api>.execute-api.<region>.amazonaws.com/<stage>.
    FEED_ENDPOINT: z.url(),
  }),
);

// The management client is made on the first event someone watches: most events have no watcher,
// and then the function neither loads nor builds it.
let loaded: Promise<ConnectionPoster> | undefined;
const poster: ConnectionPoster = {
  post: async (connectionId, data) => {
    loaded ??= loadPoster();
    return (await loaded).post(connectionId, data);
  },
};
async function loadPoster(): Promise<ConnectionPoster> {
  const [{ ApiGatewayManagementApiClient }, { makeApiGatewayConnectionPoster }] = await Promise.all([
    import('@aws-sdk/client-apigatewaymanagementapi'),
    import('../../shared/adapters/apigateway-connection-poster'),
  ]);
  return makeApiGatewayConnectionPoster(
    new ApiGatewayManagementApiClient({ endpoint: config.FEED_ENDPOINT }),
  );
}

const fanOut = makeFanOutFeed({
  connections: makeDynamoFeedConnections(dynamoDocumentClient(), config.CONNECTIONS_TABLE),
  poster,
  clock: systemClock,
  onPostFailed: (connectionId, errorName) => logger.warn('feed post failed', { connectionId, errorName }),
});

/** EventBridge target of `live-feed`: the event to every connection whose filters match. */
export const handler = middy<EventBridgeEvent<string, unknown>, FanOutOutcome>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const outcome = await fanOut(event);
    logger.info('feed fan-out', { eventId: event.id, type: event['detail-type'], ...outcome });
    return outcome;
  });
