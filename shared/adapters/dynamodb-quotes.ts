import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  nextCheckAt,
  type Quote,
  type QuoteRevision,
  type QuoteSummary,
  summarizeQuote,
} from '../domain/quote';
import { ConcurrentUpdateError, ConflictError } from '../errors';
import type { QuotePage, QuoteRepository } from '../ports/quotes';
import { decodeToken, encodeToken } from './page-token';

/**
 * Quotes in their own table: pk `QUOTE#<id>`, sk `QUOTE` (the quote with its current revision in
 * full), `REV#000001`… (each revision as made), and the once-log's claims (`ONCE#…`). Not the orders
 * table: a quote is not an order, and sharing its status and customer indexes would mix quotes into
 * every order listing (and the open-waits sweep's index).
 *
 * Index attributes on the quote item only: `customerId`/`createdAt` (byCustomer), `status`/`updatedAt`
 * (byStatus), both projecting the small `summary`; and, while a sent quote has a reminder or its
 * expiry ahead, `checkShard`/`checkAt` (the sparse `dueChecks` index the expiry sweep reads).
 */
export const QUOTE_INDEXES = {
  byCustomer: 'byCustomer',
  byStatus: 'byStatus',
  dueChecks: 'dueChecks',
} as const;
const SK = 'QUOTE';
/** One partition: sent quotes awaiting a reminder or expiry number in the thousands, not millions. */
const CHECK_SHARD = 'SENT';
const key = (quoteId: string) => ({ pk: `QUOTE#${quoteId}`, sk: SK });
const revisionKey = (quoteId: string, revision: number) => ({
  pk: `QUOTE#${quoteId}`,
  sk: `REV#${String(revision).padStart(6, '0')}`,
});

function item(quote: Quote): Record<string, unknown> {
  const checkAt = nextCheckAt(quote);
  return {
    ...key(quote.quoteId),
    ...quote,
    summary: summarizeQuote(quote),
    ...(checkAt ? { checkShard: CHECK_SHARD, checkAt } : {}),
  };
}

function quoteOf(stored: Record<string, unknown>): Quote {
  const { pk: _pk, sk: _sk, summary: _summary, checkShard: _shard, checkAt: _at, ...quote } = stored;
  return quote as unknown as Quote;
}

export function makeDynamoQuoteRepository(db: DynamoDBDocumentClient, tableName: string): QuoteRepository {
  return {
    async create(quote) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: item(quote),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConflictError(`quote ${quote.quoteId} exists`);
        throw error;
      }
    },

    async get(quoteId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(quoteId), ConsistentRead: true }),
      );
      return Item ? quoteOf(Item) : undefined;
    },

    async save(quote) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: item(quote),
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': quote.version - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConcurrentUpdateError(`quote ${quote.quoteId} changed since it was read`);
        }
        throw error;
      }
    },

    async putRevision(quoteId, revision) {
      // Written before the quote item that makes it current: a retry writes the same revision again.
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...revisionKey(quoteId, revision.revision), revision },
        }),
      );
    },

    async getRevision(quoteId, revision) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: revisionKey(quoteId, revision), ConsistentRead: true }),
      );
      return Item?.revision as QuoteRevision | undefined;
    },

    async list({ customerId, status, limit = 25, nextToken }): Promise<QuotePage> {
      const byCustomer = customerId !== undefined;
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: byCustomer ? QUOTE_INDEXES.byCustomer : QUOTE_INDEXES.byStatus,
          KeyConditionExpression: byCustomer ? 'customerId = :c' : '#s = :s',
          // By customer and status: the status filter runs after the page is read (a page may be short).
          ...(byCustomer && status ? { FilterExpression: 'summary.#s = :s' } : {}),
          ...(status ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
          ExpressionAttributeValues: {
            ...(byCustomer ? { ':c': customerId } : {}),
            ...(status ? { ':s': status } : {}),
          },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: decodeToken(
            nextToken,
            byCustomer ? ['pk', 'sk', 'customerId', 'createdAt'] : ['pk', 'sk', 'status', 'updatedAt'],
          ),
        }),
      );
      return {
        items: (result.Items ?? []).filter((i) => i.sk === SK).map((i) => i.summary as QuoteSummary),
        nextToken: encodeToken(result.LastEvaluatedKey),
      };
    },

    async listDue(now, limit = 100) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: QUOTE_INDEXES.dueChecks,
          KeyConditionExpression: 'checkShard = :shard AND checkAt <= :now',
          ExpressionAttributeValues: { ':shard': CHECK_SHARD, ':now': now },
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map((i) => String(i.pk).slice('QUOTE#'.length));
    },
  };
}
