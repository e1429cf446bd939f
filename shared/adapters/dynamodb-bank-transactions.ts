import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredBankTransaction } from '../bank/stored-transaction';
import { ConcurrentUpdateError } from '../errors';
import type { BankTransactionStore } from '../ports/bank-transactions';
import { BANK_STATUS_INDEX } from './bank-transaction-keys';
import { decodeToken, encodeToken } from './page-token';

/**
 * Bank transactions in the finance table: pk `BANKTX#<id>`, sk `TX`, written whole with a version
 * condition (the first write: only if the id is new, which is what makes re-imports add nothing).
 * GSI `byBankStatus` (bankStatus, bankStatusKey = `<bookingDate>#<id>`) serves the reconciliation
 * queue and the other listings. Payers learned from matches: pk `PAYER#<IBAN>`, sk `PAYER`.
 */
const SK = 'TX';
const key = (transactionId: string) => ({ pk: `BANKTX#${transactionId}`, sk: SK });
const payerKey = (iban: string) => ({ pk: `PAYER#${iban}`, sk: 'PAYER' });
const INDEX_KEY = ['pk', 'sk', 'bankStatus', 'bankStatusKey'];

export function makeDynamoBankTransactionStore(
  db: DynamoDBDocumentClient,
  tableName: string,
): BankTransactionStore {
  const get = async (transactionId: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: key(transactionId), ConsistentRead: true }),
    );
    return Item ? toTransaction(Item) : undefined;
  };
  return {
    async add(tx) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(tx),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { created: true, stored: tx };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const stored = await get(tx.transactionId);
        if (!stored) throw error;
        return { created: false, stored };
      }
    },

    get,

    async save(tx) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(tx),
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': tx.version - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConcurrentUpdateError(`bank transaction ${tx.transactionId} changed since it was read`);
        }
        throw error;
      }
    },

    async listByStatus(status, options = {}) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: BANK_STATUS_INDEX,
          KeyConditionExpression: 'bankStatus = :s',
          ExpressionAttributeValues: { ':s': status },
          Limit: options.limit ?? 100,
          ExclusiveStartKey: decodeToken(options.nextToken, INDEX_KEY),
        }),
      );
      return {
        items: (result.Items ?? []).map(toTransaction),
        nextToken: encodeToken(result.LastEvaluatedKey),
      };
    },

    async payerCustomer(iban) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: payerKey(iban) }));
      return typeof Item?.customerId === 'string' ? Item.customerId : undefined;
    },

    async rememberPayer(iban, customerId, transactionId, at) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...payerKey(iban), customerId, learnedFrom: transactionId, at },
        }),
      );
    },
  };
}

function itemOf(tx: StoredBankTransaction) {
  return {
    ...key(tx.transactionId),
    ...tx,
    bankStatus: tx.state,
    bankStatusKey: `${tx.bookingDate}#${tx.transactionId}`,
  };
}

function toTransaction(item: Record<string, unknown>): StoredBankTransaction {
  const { pk: _pk, sk: _sk, bankStatus: _s, bankStatusKey: _k, ...tx } = item;
  return tx as unknown as StoredBankTransaction;
}
