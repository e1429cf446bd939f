import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookDelivery, WebhookInbox } from '../ports/webhook-inbox';

/** Deliveries in the inbox table, pk `<storefrontId>#<deliveryId>`: written once, never changed. */
const key = (storefrontId: string, deliveryId: string) => ({ pk: `${storefrontId}#${deliveryId}` });

export function makeDynamoWebhookInbox(db: DynamoDBDocumentClient, tableName: string): WebhookInbox {
  return {
    async keep(delivery) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(delivery.storefrontId, delivery.deliveryId), ...delivery },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'kept';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'duplicate';
        throw error;
      }
    },

    async get(storefrontId, deliveryId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(storefrontId, deliveryId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, ...delivery } = Item;
      return delivery as WebhookDelivery;
    },
  };
}
