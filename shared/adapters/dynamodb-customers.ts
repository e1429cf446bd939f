import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Customer } from '../domain/customer';
import { ConflictError } from '../errors';
import type { CustomerRepository } from '../ports/customers';

/** Customers in DynamoDB: pk `CUSTOMER#<id>`, sk `PROFILE` (contacts and history items come later). */
const key = (customerId: string) => ({ pk: `CUSTOMER#${customerId}`, sk: 'PROFILE' });

export function makeDynamoCustomerRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): CustomerRepository {
  return {
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
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key(customerId) }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...customer } = Item;
      return customer as Customer;
    },
  };
}
