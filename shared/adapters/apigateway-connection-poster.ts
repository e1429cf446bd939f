import {
  type ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ConnectionPoster } from '../ports/feed-connections';

/**
 * PostToConnection on the WebSocket API's management endpoint (`https://<api>.execute-api.<region>.
 * amazonaws.com/<stage>`; locally the feed server's). A 410 (GoneException) means the client left
 * without a $disconnect reaching us: the caller forgets the connection.
 */
export function makeApiGatewayConnectionPoster(client: ApiGatewayManagementApiClient): ConnectionPoster {
  return {
    async post(connectionId, data) {
      try {
        await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
        return 'sent';
      } catch (error) {
        if ((error as Error).name === 'GoneException') return 'gone';
        throw error;
      }
    },
  };
}
