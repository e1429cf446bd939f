import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import type { Subscription } from '../domain/subscription';
import { ConcurrentUpdateError, ConflictError, NotFoundError } from '../errors';
import type { SubscriptionRepository } from '../ports/subscriptions';

/**
 * Subscriptions in their own table (pk `SUB#<id>`), written whole with a version condition. GSI
 * `byDepartment` (department, subscriptionId; every attribute) gives each notice its department's
 * subscriptions in one query. Their own table, because the notify functions read them (webhook
 * secrets included) and must not read the access table's credentials or anything else.
 */
const key = (subscriptionId: string) => ({ pk: `SUB#${subscriptionId}` });

export function makeDynamoSubscriptionRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): SubscriptionRepository {
  const toSubscription = (item: Record<string, unknown>) => {
    const { pk: _pk, ...subscription } = item;
    return subscription as unknown as Subscription;
  };
  return {
    async create(subscription) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(subscription.subscriptionId), ...subscription },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConflictError(`subscription ${subscription.subscriptionId} exists`);
        throw error;
      }
    },

    async get(subscriptionId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(subscriptionId), ConsistentRead: true }),
      );
      return Item ? toSubscription(Item) : undefined;
    },

    async save(subscription) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(subscription.subscriptionId), ...subscription },
            ConditionExpression: 'attribute_exists(pk) AND version = :previous',
            ExpressionAttributeValues: { ':previous': subscription.version - 1 },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (!error.Item) throw new NotFoundError(`subscription ${subscription.subscriptionId} not found`);
        throw new ConcurrentUpdateError(
          `subscription ${subscription.subscriptionId} changed since version ${subscription.version - 1}; read it again`,
        );
      }
    },

    async delete(subscriptionId) {
      const { Attributes } = await db.send(
        new DeleteCommand({ TableName: tableName, Key: key(subscriptionId), ReturnValues: 'ALL_OLD' }),
      );
      return Attributes !== undefined;
    },

    async listByDepartment(department) {
      const items: Record<string, unknown>[] = [];
      const pages = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          IndexName: 'byDepartment',
          KeyConditionExpression: 'department = :department',
          ExpressionAttributeValues: { ':department': department },
        },
      );
      for await (const page of pages) items.push(...(page.Items ?? []));
      return items.map(toSubscription);
    },
  };
}
