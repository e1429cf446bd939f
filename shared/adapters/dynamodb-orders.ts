import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Order, OrderStatus } from '../domain/order';
import { type OrderSummary, summarize } from '../domain/order-summary';
import { ConcurrentUpdateError, ConflictError } from '../errors';
import type { OrderPage, OrderRepository } from '../ports/orders';
import { openReceivableKeys } from './open-receivable-keys';
import { openWaitKeys } from './open-wait-keys';
import { decodeToken, encodeToken } from './page-token';

/**
 * Orders in DynamoDB: one item per order (pk `ORDER#<id>`, sk `ORDER`), written whole with a version
 * condition, so concurrent steps and API calls never overwrite each other's changes. GSI `byStatus`
 * (status, updatedAt) serves listings and the stalled-order sweep; GSI `byCustomer` (customerId,
 * createdAt) a customer's orders. Both project only `summary` (see OrderSummary), which every write
 * keeps beside the order. GSI `byOpenWaitDue` (KEYS_ONLY, sparse) holds the orders whose wait has an
 * escalation step due (open-wait-keys.ts); GSI `byOpenReceivable` (sparse) the orders that owe money
 * or hold a credit (open-receivable-keys.ts).
 */
const SK = 'ORDER';
const key = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: SK });

export function makeDynamoOrderRepository(db: DynamoDBDocumentClient, tableName: string): OrderRepository {
  return {
    async create(order) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(order),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConflictError(`order ${order.orderId} exists`);
        throw error;
      }
    },

    async get(orderId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(orderId), ConsistentRead: true }),
      );
      return Item ? toOrder(Item) : undefined;
    },

    async save(order) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(order),
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': order.version - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConcurrentUpdateError(`order ${order.orderId} changed since it was read`);
        }
        throw error;
      }
    },

    async listByStatus(status: OrderStatus, options = {}): Promise<OrderPage> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byStatus',
          KeyConditionExpression: options.updatedBefore ? '#s = :s AND updatedAt < :before' : '#s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':s': status,
            ...(options.updatedBefore ? { ':before': options.updatedBefore } : {}),
          },
          ScanIndexForward: !options.newestFirst,
          Limit: options.limit ?? 100,
          ExclusiveStartKey: decodeToken(options.nextToken, BY_STATUS_KEY),
        }),
      );
      return page(result.Items, result.LastEvaluatedKey);
    },

    async listByExternalRef(externalRef: string, options = {}): Promise<OrderPage> {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byExternalRef',
          KeyConditionExpression: 'externalRef = :r',
          ...(options.placedBy ? { FilterExpression: 'placedBy.id = :p' } : {}),
          ExpressionAttributeValues: {
            ':r': externalRef,
            ...(options.placedBy ? { ':p': options.placedBy } : {}),
          },
          ScanIndexForward: false,
          Limit: options.limit ?? 100,
          ExclusiveStartKey: decodeToken(options.nextToken, BY_EXTERNAL_REF_KEY),
        }),
      );
      return page(result.Items, result.LastEvaluatedKey);
    },

    async listByCustomer(customerId: string, options = {}): Promise<OrderPage> {
      // With a status, the filter runs after the page is read: a page may hold fewer items than the
      // limit (even none) while nextToken still says there is more.
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byCustomer',
          KeyConditionExpression: 'customerId = :c',
          // `status` is not in this index's projection; the summary's copy is.
          ...(options.status ? { FilterExpression: 'summary.#s = :s' } : {}),
          ...(options.status ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
          ExpressionAttributeValues: {
            ':c': customerId,
            ...(options.status ? { ':s': options.status } : {}),
          },
          ScanIndexForward: false,
          Limit: options.limit ?? 100,
          ExclusiveStartKey: decodeToken(options.nextToken, BY_CUSTOMER_KEY),
        }),
      );
      return page(result.Items, result.LastEvaluatedKey);
    },
  };
}

/** The attributes of a LastEvaluatedKey on each index: the table's key plus the index's. */
const BY_STATUS_KEY = ['pk', 'sk', 'status', 'updatedAt'];
const BY_CUSTOMER_KEY = ['pk', 'sk', 'customerId', 'createdAt'];
const BY_EXTERNAL_REF_KEY = ['pk', 'sk', 'externalRef', 'createdAt'];

/** Only order items: other items kept in the table (e.g. the once-log's) never appear as orders. */
function page(
  items: Record<string, unknown>[] | undefined,
  lastKey: Record<string, unknown> | undefined,
): OrderPage {
  return {
    items: (items ?? []).filter((item) => item.sk === SK).map(toSummary),
    nextToken: encodeToken(lastKey),
  };
}

function itemOf(order: Order) {
  return {
    ...key(order.orderId),
    ...order,
    summary: summarize(order),
    ...openWaitKeys(order),
    ...openReceivableKeys(order),
  };
}

function toOrder(item: Record<string, unknown>): Order {
  const { pk: _pk, sk: _sk, summary: _summary, openWaitShard: _s, openWaitDueAt: _d, ...rest } = item;
  // The open-receivables index's attributes (open-receivable-keys.ts) are derived, not the order's.
  const { receivableShard: _rs, receivableKey: _rk, receivable: _r, ...order } = rest;
  return order as unknown as Order;
}

/** An item written before summaries were kept has none: summarized from the whole item instead. */
function toSummary(item: Record<string, unknown>): OrderSummary {
  return (item.summary as OrderSummary | undefined) ?? summarize(toOrder(item));
}
