import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OnceLog } from '../ports/once';

/**
 * Claims kept beside the order they concern (pk `ORDER#<id>` when scope is an order), one item per
 * claim, created with a condition so only the first claimant wins.
 */
export function makeDynamoOnceLog(db: DynamoDBDocumentClient, tableName: string, now: () => Date): OnceLog {
  const key = (scope: string, claim: string) => ({ pk: scope, sk: `ONCE#${claim}` });
  return {
    async claim(scope, claim) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(scope, claim), claimedAt: now().toISOString() },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async release(scope, claim) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: key(scope, claim) }));
    },
  };
}
