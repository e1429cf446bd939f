import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Product } from '../domain/inventory';
import { NotFoundError } from '../errors';
import type { ProductUpdates } from '../ports/product-updates';

/** Changes a product item of the inventory table (pk `SKU#<sku>`, sk `PRODUCT`) in one conditional update. */
export function makeDynamoProductUpdates(db: DynamoDBDocumentClient, tableName: string): ProductUpdates {
  return {
    async updateProduct(sku, change, at) {
      const fields = Object.entries({ ...change, updatedAt: at }).filter(([, value]) => value !== undefined);
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: `SKU#${sku}`, sk: 'PRODUCT' },
            UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
            ExpressionAttributeValues: Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
            ReturnValues: 'ALL_NEW',
          }),
        );
        const { pk: _pk, sk: _sk, ...product } = Attributes ?? {};
        return product as Product;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new NotFoundError(`product ${sku} not found`);
        throw error;
      }
    },
  };
}
