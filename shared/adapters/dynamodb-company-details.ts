import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type CompanyDetails, DEFAULT_COMPANY_DETAILS } from '../documents/company-details';
import { ConflictError } from '../errors';
import type { CompanyDetailsStore } from '../ports/company-details';

/** The company details: one item (pk `COMPANY`) of the settings table, written whole with a version condition. */
const KEY = { pk: 'COMPANY' };

export function makeDynamoCompanyDetails(db: DynamoDBDocumentClient, tableName: string): CompanyDetailsStore {
  return {
    async get() {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: KEY, ConsistentRead: true }),
      );
      if (!Item) return DEFAULT_COMPANY_DETAILS;
      const { pk: _pk, ...stored } = Item;
      return stored as CompanyDetails;
    },

    async put(details) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...KEY, ...details },
            ConditionExpression: details.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(details.version === 1
              ? {}
              : { ExpressionAttributeValues: { ':previous': details.version - 1 } }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(
            `the company details changed since version ${details.version - 1} was read; read them again`,
          );
        }
        throw error;
      }
    },
  };
}
