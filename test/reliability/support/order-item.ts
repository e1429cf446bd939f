import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';

/**
 * The stored items behind the API's views, read straight from the runtime's DynamoDB: an order's
 * version (which the API does not show), a sku's stock with its reservations, its waiting queue.
 */
export function storedItems(endpoint: string) {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(endpoint)));
  const get = async (table: string, pk: string, sk: string) =>
    (
      await db.send(
        new GetCommand({ TableName: localNames.table(table), Key: { pk, sk }, ConsistentRead: true }),
      )
    ).Item;
  return {
    order: (orderId: string) => get('orders', `ORDER#${orderId}`, 'ORDER'),
    stock: (sku: string) => get('inventory', `SKU#${sku}`, 'STOCK'),
    waitingFor: async (sku: string) =>
      (
        await db.send(
          new QueryCommand({
            TableName: localNames.table('inventory'),
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
            ExpressionAttributeValues: { ':pk': `SKU#${sku}`, ':wait': 'WAIT#' },
            ConsistentRead: true,
          }),
        )
      ).Items ?? [],
    close: () => db.destroy(),
  };
}
