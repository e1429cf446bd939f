import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../domain/pricing/pricing-settings';
import { ConflictError } from '../errors';
import type { PricingSettingsStore } from '../ports/pricing-settings';

/**
 * The pricing settings: one item (pk `PRICING`) of the settings table, beside the escalation
 * settings, written whole with a version condition. Read consistently: a quote priced right after a
 * change uses the new prices.
 */
const KEY = { pk: 'PRICING' };

export function makeDynamoPricingSettings(
  db: DynamoDBDocumentClient,
  tableName: string,
): PricingSettingsStore {
  return {
    async get() {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }),
      );
      if (!Item) return DEFAULT_PRICING_SETTINGS;
      const { pk: _pk, ...stored } = Item;
      return { ...DEFAULT_PRICING_SETTINGS, ...stored } as PricingSettings;
    },

    async put(settings) {
      const first = settings.version === 1;
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...KEY, ...settings },
            ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(first ? {} : { ExpressionAttributeValues: { ':previous': settings.version - 1 } }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(
            `the pricing settings changed since version ${settings.version - 1} was read; read them again`,
          );
        }
        throw error;
      }
    },
  };
}
