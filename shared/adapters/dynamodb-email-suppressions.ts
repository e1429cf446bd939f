import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type EmailSuppression, normalizeAddress } from '../domain/email-suppression';
import type { EmailSuppressionList } from '../ports/email-suppressions';

/**
 * Beside the customer's profile: pk `CUSTOMER#<id>`, sk `SUPPRESSED#<address>`, one item per address
 * (a separate item, so no write of the profile can lose it). A conditional put keeps the first record.
 */
const key = (customerId: string, address: string) => ({
  pk: `CUSTOMER#${customerId}`,
  sk: `SUPPRESSED#${normalizeAddress(address)}`,
});

export function makeDynamoEmailSuppressionList(
  db: DynamoDBDocumentClient,
  tableName: string,
): EmailSuppressionList {
  const find = async (customerId: string, address: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: key(customerId, address), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...suppression } = Item;
    return suppression as EmailSuppression;
  };
  return {
    find,
    async add(suppression) {
      const kept = { ...suppression, address: normalizeAddress(suppression.address) };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(kept.customerId, kept.address), ...kept },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { outcome: 'added', kept };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const first = await find(kept.customerId, kept.address);
        if (!first) throw error;
        return { outcome: 'already', kept: first };
      }
    },
  };
}
