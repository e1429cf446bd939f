import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ClaimOutcome, DEFAULT_LEASE_MS, type OnceLog } from '../ports/once';

/**
 * Claims kept beside the order they concern (pk `ORDER#<id>` when scope is an order), one item per
 * claim: `state` PENDING with `leaseUntil` while its effect is being done, DONE after. A claim is
 * created, or taken over from an expired PENDING lease, by one conditional write, so only one
 * claimant wins. An item without `state` was written before leases existed: it counts as done.
 */
export function makeDynamoOnceLog(db: DynamoDBDocumentClient, tableName: string, now: () => Date): OnceLog {
  const key = (scope: string, claim: string) => ({ pk: scope, sk: `ONCE#${claim}` });
  return {
    async claim(scope, claim, leaseMs = DEFAULT_LEASE_MS): Promise<ClaimOutcome> {
      const at = now();
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(scope, claim),
              state: 'PENDING',
              claimedAt: at.toISOString(),
              leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(pk) OR (#state = :pending AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':pending': 'PENDING', ':now': at.toISOString() },
          }),
        );
        return 'claimed';
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const { Item } = await db.send(
          new GetCommand({ TableName: tableName, Key: key(scope, claim), ConsistentRead: true }),
        );
        // Gone since (released by a failed claimant): the caller's retry will claim it.
        if (!Item) return 'in-progress';
        return Item.state === 'PENDING' ? 'in-progress' : 'done';
      }
    },
    async complete(scope, claim) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(scope, claim),
          UpdateExpression: 'SET #state = :done, doneAt = :now REMOVE leaseUntil',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':done': 'DONE', ':now': now().toISOString() },
        }),
      );
    },
    async release(scope, claim) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: key(scope, claim) }));
    },
  };
}
