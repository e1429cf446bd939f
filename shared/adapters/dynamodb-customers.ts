import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Customer } from '../domain/customer';
import { ConcurrentUpdateError, ConflictError } from '../errors';
import type { CustomerRepository } from '../ports/customers';
import { CUSTOMERS_BY_EMAIL_INDEX } from './customer-indexes';

/**
 * Customers in DynamoDB: pk `CUSTOMER#<id>`, sk `PROFILE` (the communication history beside it), written
 * whole with a version condition. GSI `byEmail` (KEYS_ONLY) finds a buyer by email.
 */
const key = (customerId: string) => ({ pk: `CUSTOMER#${customerId}`, sk: 'PROFILE' });

export function makeDynamoCustomerRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): CustomerRepository {
  const repository: CustomerRepository = {
    async create(customer) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(customer.customerId), ...customer },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(`customer ${customer.customerId} exists`);
        }
        throw error;
      }
    },

    async get(customerId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(customerId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...customer } = Item;
      return customer as Customer;
    },

    async save(customer) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(customer.customerId), ...customer },
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': customer.version - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConcurrentUpdateError(`customer ${customer.customerId} changed since it was read`);
        }
        throw error;
      }
    },

    async findByEmail(email) {
      // KEYS_ONLY index: the profiles are read whole (consistently) after. Other items kept in the
      // table with an `email` (none today) are not profiles: only `PROFILE` keys are taken.
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: CUSTOMERS_BY_EMAIL_INDEX,
          KeyConditionExpression: 'email = :e',
          ExpressionAttributeValues: { ':e': email },
          Limit: 20,
        }),
      );
      const ids = (Items ?? [])
        .filter((item) => item.sk === 'PROFILE')
        .map((item) => String(item.pk).replace(/^CUSTOMER#/, ''));
      const found = await Promise.all(ids.map((id) => repository.get(id)));
      return found
        .filter((customer): customer is Customer => customer !== undefined && customer.email === email)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
  return repository;
}
