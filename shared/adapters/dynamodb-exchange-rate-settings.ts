import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_EXCHANGE_RATE_SETTINGS, type ExchangeRateSettings } from '../domain/exchange-rate-settings';
import { ConflictError } from '../errors';
import type { ExchangeRateSettingsStore } from '../ports/exchange-rate-settings';

/** The exchange-rate settings: one item (pk `EXCHANGE_RATES`) of the settings table, versioned. */
const KEY = { pk: 'EXCHANGE_RATES' };

export function makeDynamoExchangeRateSettings(
  db: DynamoDBDocumentClient,
  tableName: string,
): ExchangeRateSettingsStore {
  return {
    async get() {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }),
      );
      if (!Item) return DEFAULT_EXCHANGE_RATE_SETTINGS;
      const { pk: _pk, ...stored } = Item;
      return stored as ExchangeRateSettings;
    },

    async put(settings) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...KEY, ...settings },
            ConditionExpression: settings.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(settings.version === 1
              ? {}
              : { ExpressionAttributeValues: { ':previous': settings.version - 1 } }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(
            `the exchange rates changed since version ${settings.version - 1} was read; read them again`,
          );
        }
        throw error;
      }
    },
  };
}
