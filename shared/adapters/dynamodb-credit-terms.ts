import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CreditChange } from '../domain/credit-terms';
import type { Customer } from '../domain/customer';
import { ConflictError, NotFoundError } from '../errors';
import type { CreditTermsStore } from '../ports/credit-terms';

/**
 * Credit terms on the customer profile (`CUSTOMER#<id>` / `PROFILE`: `creditLimit`, `paymentTerms`,
 * which the credit review reads) and their history beside it, one small item per change
 * (`CUSTOMER#<id>` / `CREDIT#<version>`).
 *
 * DynamoDB Local has no transactions, so the profile update (conditioned on the version read) also
 * keeps the change itself in `creditChange`: the one write that matters is atomic, and the history
 * item written after it is put again from `creditChange` by the next reader or writer if a crash
 * came in between. No change is lost, and the history never shows a change that did not happen.
 */
const PROFILE = 'PROFILE';
const HISTORY_PREFIX = 'CREDIT#';
const pk = (customerId: string) => `CUSTOMER#${customerId}`;
const historySk = (version: number) => `${HISTORY_PREFIX}${String(version).padStart(10, '0')}`;

export function makeDynamoCreditTermsStore(db: DynamoDBDocumentClient, tableName: string): CreditTermsStore {
  async function profile(customerId: string) {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: pk(customerId), sk: PROFILE },
        ConsistentRead: true,
      }),
    );
    return Item;
  }

  async function keepInHistory(customerId: string, change: CreditChange): Promise<void> {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: pk(customerId), sk: historySk(change.version), ...change },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  return {
    async get(customerId) {
      const item = await profile(customerId);
      if (!item) return undefined;
      const history: CreditChange[] = [];
      const pages = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)',
          ExpressionAttributeValues: { ':pk': pk(customerId), ':h': HISTORY_PREFIX },
          ScanIndexForward: false,
        },
      );
      for await (const page of pages) {
        for (const { pk: _pk, sk: _sk, ...change } of page.Items ?? []) history.push(change as CreditChange);
      }
      const last = item.creditChange as CreditChange | undefined;
      // Its history item not written yet (a crash after the profile update): shown from the profile,
      // and written by the next change.
      if (last && !history.some((change) => change.version === last.version)) history.unshift(last);
      return { customer: toCustomer(item), history };
    },

    async apply(customerId, change) {
      const item = await profile(customerId);
      if (!item) throw new NotFoundError(`customer ${customerId} not found`);
      const earlier = item.creditChange as CreditChange | undefined;
      if (earlier) await keepInHistory(customerId, earlier);
      const { creditLimit, paymentTerms } = change.after;
      const set = ['version = :next', 'updatedAt = :at', 'creditChange = :change'];
      const remove: string[] = [];
      if (creditLimit) set.push('creditLimit = :limit');
      else remove.push('creditLimit');
      if (paymentTerms) set.push('paymentTerms = :terms');
      else remove.push('paymentTerms');
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: pk(customerId), sk: PROFILE },
            UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND version = :expected',
            ExpressionAttributeValues: {
              ':next': change.version,
              ':expected': change.version - 1,
              ':at': change.at,
              ':change': change,
              ...(creditLimit ? { ':limit': creditLimit } : {}),
              ...(paymentTerms ? { ':terms': paymentTerms } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        await keepInHistory(customerId, change);
        return toCustomer(Attributes ?? {});
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError(
            `customer ${customerId} changed since version ${change.version - 1} was read; read it again`,
          );
        }
        throw error;
      }
    },
  };
}

function toCustomer(item: Record<string, unknown>): Customer {
  const { pk: _pk, sk: _sk, creditChange: _change, ...customer } = item;
  return customer as unknown as Customer;
}
