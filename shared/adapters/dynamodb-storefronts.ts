import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Storefront } from '../domain/storefront';
import { ConflictError } from '../errors';
import type { StorefrontRepository } from '../ports/storefronts';

/**
 * Storefronts in the access table, beside the credentials (pk `STOREFRONT#<id>`): both say who may
 * come in, and only the API functions that manage or verify storefronts may read them.
 */
const key = (storefrontId: string) => ({ pk: `STOREFRONT#${storefrontId}` });

export function makeDynamoStorefrontRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): StorefrontRepository {
  return {
    async create(storefront) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(storefront.storefrontId), ...storefront },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(`storefront ${storefront.storefrontId} exists`);
        }
        throw error;
      }
    },

    async get(storefrontId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key(storefrontId) }));
      if (!Item) return undefined;
      const { pk: _pk, ...storefront } = Item;
      return storefront as Storefront;
    },
  };
}
