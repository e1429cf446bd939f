import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors';

/** A settings item's store: the stored item or the defaults (version 0), and a put of the next version. */
export interface VersionedSettingsItem<T extends { version: number }> {
  get(): Promise<T>;
  /** Stores `item` if the stored one is `item.version - 1` (none stored for version 1); else ConflictError. */
  put(item: T): Promise<void>;
}

export interface SettingsItemSpec<T extends { version: number }> {
  /** The item's key in the settings table: `PRICING`, `ESCALATIONS`, … */
  pk: string;
  /** What a conflict names, as a person reads it: `the pricing settings`. */
  name: string;
  defaults: T;
  /**
   * Fill what a stored item lacks from the defaults: for settings that gained fields after items
   * were written. Off where a default would be wrong on a real item (the company's bank details).
   */
  fillFromDefaults?: boolean;
}

/**
 * One item of the small settings table, written whole with a version condition: two people who
 * read the same version cannot both write the next one. Read consistently, so a change is seen by
 * the very next request.
 */
export function makeDynamoSettingsItem<T extends { version: number }>(
  db: DynamoDBDocumentClient,
  tableName: string,
  spec: SettingsItemSpec<T>,
): VersionedSettingsItem<T> {
  const key = { pk: spec.pk };
  return {
    async get() {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
      );
      if (!Item) return spec.defaults;
      const { pk: _pk, ...stored } = Item;
      return (spec.fillFromDefaults ? { ...spec.defaults, ...stored } : stored) as T;
    },

    async put(item) {
      const first = item.version === 1;
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, ...item },
            ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(first ? {} : { ExpressionAttributeValues: { ':previous': item.version - 1 } }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(
            `${spec.name} changed since version ${item.version - 1} was read; read them again`,
          );
        }
        throw error;
      }
    },
  };
}
