import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PurchaseOrder, ReplenishmentRequest, Supplier } from '../domain/procurement';
import { ConcurrentUpdateError } from '../errors';
import type { IncomingSupply, ProcurementRepository } from '../ports/procurement';
import { decodeToken, encodeToken, InvalidPageTokenError } from './page-token';

/**
 * The procurement table (pk, sk):
 * - `SUPPLIER#<id>` / `SUPPLIER`: a supplier, listed in `byKind` (`SUPPLIER`) newest first;
 *   `SKU#<sku>` / `SUPPLIER`: the sku's supplier and lead time;
 * - `PO#<id>` / `PO`: a purchase order, listed by status (`byList`, `PO#<status>`) and in all (`byKind`);
 * - `SKU#<sku>` / `INCOMING#<poId>`: what an open purchase order still brings of the sku;
 * - `SKU#<sku>` / `REPLENISH#<warehouse>`: the open replenishment request, written only if absent
 *   (the "raised once" marker), listed in `byList` under `REPLENISH#OPEN`; deleted when closed;
 * - `REQUEST#<id>` / `REQUEST`: where a request's marker is, by its id.
 */
export const PROCUREMENT_INDEXES = {
  byList: { partitionKey: 'listKey', sortKey: 'listedAt' },
  byKind: { partitionKey: 'kind', sortKey: 'listedAt' },
} as const;

const sku = (value: string) => `SKU#${value}`;
const poKey = (id: string) => ({ pk: `PO#${id}`, sk: 'PO' });
const markerKey = (skuValue: string, warehouse: string) => ({
  pk: sku(skuValue),
  sk: `REPLENISH#${warehouse}`,
});
const OPEN_REQUESTS = 'REPLENISH#OPEN';

export function makeDynamoProcurementRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): ProcurementRepository {
  const get = async (key: Record<string, string>) =>
    (await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  async function conditional(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  const poItem = (order: PurchaseOrder) => ({
    ...poKey(order.purchaseOrderId),
    ...order,
    kind: 'PO',
    listKey: `PO#${order.status}`,
    listedAt: `${order.createdAt}#${order.purchaseOrderId}`,
  });

  async function page<T>(
    index: keyof typeof PROCUREMENT_INDEXES,
    value: string,
    options: { limit: number; nextToken?: string },
  ): Promise<{ items: T[]; nextToken?: string }> {
    const keys = PROCUREMENT_INDEXES[index];
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: '#key = :value',
        ExpressionAttributeNames: { '#key': keys.partitionKey },
        ExpressionAttributeValues: { ':value': value },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: decodeToken(options.nextToken, ['pk', 'sk', keys.partitionKey, keys.sortKey]),
      }),
    );
    return {
      items: (result.Items ?? []).map((item) => strip(item) as T),
      ...(result.LastEvaluatedKey ? { nextToken: encodeToken(result.LastEvaluatedKey) } : {}),
    };
  }

  return {
    async saveSupplier(supplier) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          // Listed newest first in `byKind` (`SUPPLIER`), as purchase orders are under `PO`.
          Item: {
            pk: `SUPPLIER#${supplier.supplierId}`,
            sk: 'SUPPLIER',
            ...supplier,
            kind: 'SUPPLIER',
            listedAt: `${supplier.createdAt}#${supplier.supplierId}`,
          },
        }),
      );
      for (const each of supplier.skus) {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: sku(each),
              sk: 'SUPPLIER',
              supplierId: supplier.supplierId,
              leadTimeDays: supplier.leadTimeDays,
            },
          }),
        );
      }
    },
    async getSupplier(supplierId) {
      const item = await get({ pk: `SUPPLIER#${supplierId}`, sk: 'SUPPLIER' });
      return item ? (strip(item) as unknown as Supplier) : undefined;
    },
    async listSuppliers(options) {
      // A purchase-order list's token has the same key names: refuse it rather than let DynamoDB fail.
      const start = decodeToken(options.nextToken);
      if (start && start.kind !== 'SUPPLIER') throw new InvalidPageTokenError();
      return page<Supplier>('byKind', 'SUPPLIER', options);
    },
    async supplierOf(skuValue) {
      const item = await get({ pk: sku(skuValue), sk: 'SUPPLIER' });
      return item ? { supplierId: item.supplierId, leadTimeDays: item.leadTimeDays } : undefined;
    },

    async createPurchaseOrder(order) {
      return conditional(() =>
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: poItem(order),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
    async getPurchaseOrder(purchaseOrderId) {
      const item = await get(poKey(purchaseOrderId));
      return item ? (strip(item) as unknown as PurchaseOrder) : undefined;
    },
    async savePurchaseOrder(order) {
      const written = await conditional(() =>
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: poItem(order),
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': order.version - 1 },
          }),
        ),
      );
      if (!written)
        throw new ConcurrentUpdateError(`purchase order ${order.purchaseOrderId} changed meanwhile`);
    },
    async listPurchaseOrders(options) {
      return options.status
        ? page<PurchaseOrder>('byList', `PO#${options.status}`, options)
        : page<PurchaseOrder>('byKind', 'PO', options);
    },

    async setIncoming(skuValue, supply) {
      const key = { pk: sku(skuValue), sk: `INCOMING#${supply.purchaseOrderId}` };
      if (supply.remaining > 0)
        await db.send(new PutCommand({ TableName: tableName, Item: { ...key, ...supply } }));
      else await db.send(new DeleteCommand({ TableName: tableName, Key: key }));
    },
    async incomingOf(skuValue) {
      const items: IncomingSupply[] = [];
      const pages = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :incoming)',
          ExpressionAttributeValues: { ':pk': sku(skuValue), ':incoming': 'INCOMING#' },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          items.push({
            purchaseOrderId: item.purchaseOrderId,
            warehouse: item.warehouse,
            expectedDate: item.expectedDate,
            remaining: item.remaining,
          });
        }
      }
      return items;
    },

    async raiseReplenishment(request) {
      const raised = await conditional(() =>
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...markerKey(request.sku, request.warehouse),
              ...request,
              listKey: OPEN_REQUESTS,
              listedAt: `${request.raisedAt}#${request.requestId}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (raised) {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: `REQUEST#${request.requestId}`,
              sk: 'REQUEST',
              sku: request.sku,
              warehouse: request.warehouse,
            },
          }),
        );
        return { raised, open: request };
      }
      const open = await get(markerKey(request.sku, request.warehouse));
      // Closed between the two calls: nothing is open now, so raising again is right next time.
      return { raised: false, open: open ? (strip(open) as unknown as ReplenishmentRequest) : request };
    },
    async getReplenishment(skuValue, warehouse) {
      const item = await get(markerKey(skuValue, warehouse));
      return item ? (strip(item) as unknown as ReplenishmentRequest) : undefined;
    },
    async markAnnounced(skuValue, warehouse, requestId) {
      await conditional(() =>
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: markerKey(skuValue, warehouse),
            UpdateExpression: 'SET announced = :yes',
            ConditionExpression: 'requestId = :id',
            ExpressionAttributeValues: { ':yes': true, ':id': requestId },
          }),
        ),
      );
    },
    async linkReplenishment(skuValue, warehouse, requestId, purchaseOrderId) {
      return conditional(() =>
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: markerKey(skuValue, warehouse),
            UpdateExpression: 'SET purchaseOrderId = :po',
            ConditionExpression:
              'requestId = :id AND (attribute_not_exists(purchaseOrderId) OR purchaseOrderId = :po)',
            ExpressionAttributeValues: { ':po': purchaseOrderId, ':id': requestId },
          }),
        ),
      );
    },
    async closeReplenishment(skuValue, warehouse, requestId) {
      await conditional(() =>
        db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: markerKey(skuValue, warehouse),
            ConditionExpression: 'requestId = :id',
            ExpressionAttributeValues: { ':id': requestId },
          }),
        ),
      );
    },
    async listOpenReplenishments(options) {
      return page<ReplenishmentRequest>('byList', OPEN_REQUESTS, options);
    },
    async findReplenishment(requestId) {
      const pointer = await get({ pk: `REQUEST#${requestId}`, sk: 'REQUEST' });
      if (!pointer) return undefined;
      const open = await get(markerKey(pointer.sku, pointer.warehouse));
      return open && open.requestId === requestId
        ? (strip(open) as unknown as ReplenishmentRequest)
        : undefined;
    },
  };
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, listKey: _l, listedAt: _a, kind: _k, ...rest } = item;
  return rest;
}
