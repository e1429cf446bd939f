import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TrackingTokens } from '../ports/tracking-tokens';
import { newTrackingToken, sameToken, tokenDigest } from '../tracking-page/token';

/**
 * Tracking tokens in the orders table, two small items per order and no index:
 * - `ORDER#<id>` / `TRACKING_TOKEN` holds the token (emails need it to build the link);
 * - `TRACKING#<sha256 of token>` / `TRACKING` points back to the order (the page's lookup).
 * A lookup item rather than a sparse GSI: the page reads it with one strongly consistent GetItem (a
 * GSI is eventually consistent, so a link sent right after the token was made could 404), it keys on
 * the token's digest rather than the secret, and the order item, its writes and its indexes stay as
 * they are. The lookup item is written before the token item, so every token an email can carry
 * resolves; a lookup item left by a lost race (or a crash) points at an order whose token differs and
 * opens nothing, since `resolve` checks the order's token too, in constant time.
 */
const TOKEN_SK = 'TRACKING_TOKEN';
const LOOKUP_SK = 'TRACKING';
const tokenKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: TOKEN_SK });
const lookupKey = (token: string) => ({ pk: `TRACKING#${tokenDigest(token)}`, sk: LOOKUP_SK });

export function makeDynamoTrackingTokens(
  db: DynamoDBDocumentClient,
  tableName: string,
  now: () => Date = () => new Date(),
): TrackingTokens {
  const storedToken = async (orderId: string): Promise<string | undefined> => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: tokenKey(orderId), ConsistentRead: true }),
    );
    return typeof Item?.token === 'string' ? Item.token : undefined;
  };

  return {
    async issue(orderId) {
      const existing = await storedToken(orderId);
      if (existing) return existing;
      const token = newTrackingToken();
      const createdAt = now().toISOString();
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...lookupKey(token), orderId, createdAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...tokenKey(orderId), token, createdAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return token;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // Another caller made the order's token first: theirs it is; ours opens nothing, so tidy it.
        await db.send(new DeleteCommand({ TableName: tableName, Key: lookupKey(token) }));
        const winner = await storedToken(orderId);
        if (!winner) throw new Error(`the tracking token of order ${orderId} vanished while being made`);
        return winner;
      }
    },

    async resolve(token) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: lookupKey(token), ConsistentRead: true }),
      );
      const orderId = typeof Item?.orderId === 'string' ? Item.orderId : undefined;
      if (!orderId) return undefined;
      const stored = await storedToken(orderId);
      return stored !== undefined && sameToken(stored, token) ? orderId : undefined;
    },
  };
}
