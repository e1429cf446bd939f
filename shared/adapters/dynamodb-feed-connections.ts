import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { FeedConnection, FeedConnectionStore } from '../ports/feed-connections';

/**
 * One item per connection, keyed by its id. The fan-out reads them all with a Scan: a team's open
 * connections are a few dozen items, and every event goes to each connection whose filter matches.
 */
export function makeDynamoFeedConnections(
  db: DynamoDBDocumentClient,
  tableName: string,
): FeedConnectionStore {
  return {
    async put(connection) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...connection } }));
    },
    async remove(connectionId) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: { connectionId } }));
    },
    async list() {
      const connections: FeedConnection[] = [];
      for await (const page of paginateScan({ client: db }, { TableName: tableName })) {
        connections.push(...((page.Items ?? []) as FeedConnection[]));
      }
      return connections;
    },
  };
}
