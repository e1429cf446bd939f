import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CommunicationEntry } from '../domain/communication';
import type { CommunicationLog } from '../ports/communications';
import { decodeToken, encodeToken } from './page-token';

/**
 * The history lives beside the customer's profile: pk `CUSTOMER#<id>`, sk `COMM#<at>#<entryId>`, so
 * one Query reads it newest first. The entry id in the key makes a repeated record a no-op.
 */
const key = (entry: Pick<CommunicationEntry, 'customerId' | 'at' | 'entryId'>) => ({
  pk: `CUSTOMER#${entry.customerId}`,
  sk: `COMM#${entry.at}#${entry.entryId}`,
});

export function makeDynamoCommunicationLog(db: DynamoDBDocumentClient, tableName: string): CommunicationLog {
  return {
    async record(entry) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(entry), ...entry },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return;
        throw error;
      }
    },

    async list(customerId, options = {}) {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :comm)',
          ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}`, ':comm': 'COMM#' },
          ScanIndexForward: false,
          Limit: options.limit ?? 50,
          ExclusiveStartKey: decodeToken(options.nextToken, ['pk', 'sk']),
        }),
      );
      return {
        items: (page.Items ?? []).map(({ pk: _pk, sk: _sk, ...entry }) => entry as CommunicationEntry),
        nextToken: encodeToken(page.LastEvaluatedKey),
      };
    },
  };
}
