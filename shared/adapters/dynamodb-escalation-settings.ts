import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from '../domain/escalation-settings';
import { ConflictError } from '../errors';
import type { EscalationSettingsStore } from '../ports/escalation-settings';

/**
 * The escalation settings: one item (pk `ESCALATIONS`) of the small settings table, written whole
 * with a version condition. `cacheMs` keeps a read for that long in a warm function (the sweep reads
 * it once per run, begin-wait once per wait): a change reaches them within that time.
 */
const KEY = { pk: 'ESCALATIONS' };

export function makeDynamoEscalationSettings(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { cacheMs?: number; now?: () => number } = {},
): EscalationSettingsStore {
  const now = options.now ?? Date.now;
  let cached: { at: number; settings: EscalationSettings } | undefined;
  return {
    async get() {
      if (cached && options.cacheMs && now() - cached.at < options.cacheMs) return cached.settings;
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }),
      );
      const { pk: _pk, ...stored } = Item ?? {};
      const settings = Item
        ? ({ ...DEFAULT_ESCALATION_SETTINGS, ...stored } as EscalationSettings)
        : DEFAULT_ESCALATION_SETTINGS;
      cached = { at: now(), settings };
      return settings;
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
        cached = undefined;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(
            `the escalation settings changed since version ${settings.version - 1} was read; read them again`,
          );
        }
        throw error;
      }
    },
  };
}
