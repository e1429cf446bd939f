import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OrderFactsReader } from '../ports/order-facts';

/** The customer and ship-to country of an order item (see dynamodb-orders.ts), and nothing else of it. */
export function makeDynamoOrderFacts(db: DynamoDBDocumentClient, tableName: string): OrderFactsReader {
  return {
    async get(orderId) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: `ORDER#${orderId}`, sk: 'ORDER' },
          ProjectionExpression: 'customerId, shippingAddress.country',
        }),
      );
      if (!Item || typeof Item.customerId !== 'string') return undefined;
      const country = (Item.shippingAddress as { country?: unknown } | undefined)?.country;
      return { customerId: Item.customerId, ...(typeof country === 'string' ? { country } : {}) };
    },
  };
}
