import { setTimeout as sleep } from 'node:timers/promises';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  checkUnits,
  DEFAULT_WAREHOUSE,
  type Product,
  reservationTarget,
  reservedUnits,
  type Stock,
  type WaitingOrder,
} from '../domain/inventory';
import { ConcurrentUpdateError, ConflictError } from '../errors';
import type { InventoryRepository } from '../ports/inventory';

/**
 * Inventory in DynamoDB, one partition per sku (pk `SKU#<sku>`):
 * - sk `PRODUCT`: the product;
 * - sk `STOCK`: onHand, available, the reservations by order, and a version. Every change is one
 *   conditional UpdateItem/PutItem on this item, so `available = onHand − Σ reservations` holds and
 *   stock is never oversold, with no transactions (dynalite has none);
 * - sk `WAIT#<since>#<orderId>`: an order waiting for the sku; a Query on the prefix lists the queue
 *   oldest first.
 */
const pk = (sku: string) => `SKU#${sku}`;
const productKey = (sku: string) => ({ pk: pk(sku), sk: 'PRODUCT' });
const stockKey = (sku: string) => ({ pk: pk(sku), sk: 'STOCK' });
const WAIT_PREFIX = 'WAIT#';

/** Conditional writes that lose a race re-read and try again, with a little jittered backoff. */
const MAX_ATTEMPTS = 50;
const BATCH_GET_LIMIT = 100;

export function makeDynamoInventoryRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): InventoryRepository {
  async function getStock(sku: string): Promise<Stock | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: stockKey(sku), ConsistentRead: true }),
    );
    return Item ? (strip(Item) as unknown as Stock) : undefined;
  }

  /** Runs `attempt` until it returns a value; `undefined` means it lost a conditional write. */
  async function untilWritten<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
    for (let tries = 1; tries <= MAX_ATTEMPTS; tries++) {
      const result = await attempt();
      if (result !== undefined) return result;
      await sleep(Math.floor(Math.random() * Math.min(50, 2 * tries)));
    }
    throw new ConcurrentUpdateError(`${what}: too many concurrent changes; try again`);
  }

  async function conditional<T>(write: () => Promise<T>): Promise<T | undefined> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async function waitingEntries(sku: string, orderId?: string): Promise<(WaitingOrder & { sk: string })[]> {
    const entries: (WaitingOrder & { sk: string })[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
          ...(orderId ? { FilterExpression: 'orderId = :orderId' } : {}),
          ExpressionAttributeValues: {
            ':pk': pk(sku),
            ':wait': WAIT_PREFIX,
            ...(orderId ? { ':orderId': orderId } : {}),
          },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        entries.push({ sk: item.sk, orderId: item.orderId, short: item.short, since: item.since });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  }

  async function deleteWaiting(sku: string, sk: string): Promise<void> {
    await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: pk(sku), sk } }));
  }

  /** Ends the order's reservation, giving its units back (release) or taking them off hand (dispatch). */
  async function endReservation(sku: string, orderId: string, change: string): Promise<number> {
    return untilWritten(`reservation of ${sku} for ${orderId}`, async () => {
      const current = await getStock(sku);
      const held = current?.reservations[orderId] ?? 0;
      if (held === 0) return 0;
      return conditional(async () => {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: stockKey(sku),
            UpdateExpression: `SET ${change}, version = version + :one REMOVE reservations.#order`,
            ConditionExpression: 'reservations.#order = :held',
            ExpressionAttributeNames: { '#order': orderId },
            ExpressionAttributeValues: { ':held': held, ':one': 1 },
          }),
        );
        return held;
      });
    });
  }

  return {
    async getProduct(sku) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: productKey(sku) }));
      return Item ? (strip(Item) as unknown as Product) : undefined;
    },

    async createProduct(product) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...productKey(product.sku), ...product },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConflictError(`product ${product.sku} exists`);
        throw error;
      }
    },

    async missingProducts(skus) {
      const wanted = [...new Set(skus)];
      const found = new Set<string>();
      for (let start = 0; start < wanted.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] = wanted.slice(start, start + BATCH_GET_LIMIT).map(productKey);
        for (let tries = 1; keys.length; tries++) {
          if (tries > MAX_ATTEMPTS)
            throw new ConcurrentUpdateError('products: the table kept throttling the read');
          const result = await db.send(
            new BatchGetCommand({
              RequestItems: {
                [tableName]: {
                  Keys: keys,
                  ProjectionExpression: '#sku',
                  ExpressionAttributeNames: { '#sku': 'sku' },
                },
              },
            }),
          );
          for (const item of result.Responses?.[tableName] ?? []) found.add(String(item.sku));
          keys = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
          if (keys.length) await sleep(Math.min(1000, 20 * 2 ** tries));
        }
      }
      return wanted.filter((sku) => !found.has(sku));
    },

    getStock,

    async setStock(sku, settings) {
      checkUnits(settings.onHand, 'onHand', true);
      return untilWritten(`stock of ${sku}`, async () => {
        const current = await getStock(sku);
        const reserved = reservedUnits(current);
        if (settings.onHand < reserved) {
          throw new ConflictError(
            `sku ${sku} has ${reserved} units reserved; onHand cannot be ${settings.onHand}`,
          );
        }
        const next: Stock = {
          sku,
          onHand: settings.onHand,
          available: settings.onHand - reserved,
          reorderPoint: settings.reorderPoint ?? current?.reorderPoint,
          maxStock: settings.maxStock ?? current?.maxStock,
          warehouse: settings.warehouse ?? current?.warehouse ?? DEFAULT_WAREHOUSE,
          reservations: current?.reservations ?? {},
          version: (current?.version ?? 0) + 1,
        };
        return conditional(async () => {
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...stockKey(sku), ...next },
              ...(current
                ? {
                    ConditionExpression: 'version = :version',
                    ExpressionAttributeValues: { ':version': current.version },
                  }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            }),
          );
          return next;
        });
      });
    },

    async reserve(sku, orderId, wanted) {
      checkUnits(wanted, 'wanted', true);
      return untilWritten(`reservation of ${sku} for ${orderId}`, async () => {
        const current = await getStock(sku);
        if (!current) return 0;
        const held = current.reservations[orderId] ?? 0;
        const target = reservationTarget(held, wanted, current.available);
        if (target === held) return held;
        const taken = target - held;
        // The condition is on what this write depends on — the order's own reservation as read, and
        // enough units still available — so reservations of other orders rarely make it retry.
        return conditional(async () => {
          await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: stockKey(sku),
              UpdateExpression:
                target === 0
                  ? 'SET available = available - :taken, version = version + :one REMOVE reservations.#order'
                  : 'SET available = available - :taken, version = version + :one, reservations.#order = :target',
              ConditionExpression: `${held === 0 ? 'attribute_not_exists(reservations.#order)' : 'reservations.#order = :held'} AND available >= :taken`,
              ExpressionAttributeNames: { '#order': orderId },
              ExpressionAttributeValues: {
                ':taken': taken,
                ':one': 1,
                ...(held === 0 ? {} : { ':held': held }),
                ...(target === 0 ? {} : { ':target': target }),
              },
            }),
          );
          return target;
        });
      });
    },

    async release(sku, orderId) {
      return endReservation(sku, orderId, 'available = available + :held');
    },

    async dispatch(sku, orderId) {
      return endReservation(sku, orderId, 'onHand = onHand - :held');
    },

    async receive(sku, quantity, options = {}) {
      checkUnits(quantity, 'quantity', false);
      // One atomic update, whether or not the stock item exists yet: no read, no race.
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: stockKey(sku),
          UpdateExpression: [
            'SET sku = :sku',
            'onHand = if_not_exists(onHand, :zero) + :quantity',
            'available = if_not_exists(available, :zero) + :quantity',
            'reservations = if_not_exists(reservations, :none)',
            options.warehouse ? 'warehouse = :warehouse' : 'warehouse = if_not_exists(warehouse, :warehouse)',
            'version = if_not_exists(version, :zero) + :one',
          ].join(', '),
          ExpressionAttributeValues: {
            ':sku': sku,
            ':zero': 0,
            ':one': 1,
            ':quantity': quantity,
            ':none': {},
            ':warehouse': options.warehouse ?? DEFAULT_WAREHOUSE,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip(Attributes ?? {}) as unknown as Stock;
    },

    async availableFor(sku) {
      return (await getStock(sku))?.available ?? 0;
    },

    async addWaiting(sku, orderId, short, since) {
      checkUnits(short, 'short', false);
      const sk = `${WAIT_PREFIX}${since}#${orderId}`;
      await db.send(
        new PutCommand({ TableName: tableName, Item: { pk: pk(sku), sk, orderId, short, since } }),
      );
      // One entry per order: drop any left under another `since` (there should be none).
      for (const entry of await waitingEntries(sku, orderId)) {
        if (entry.sk !== sk) await deleteWaiting(sku, entry.sk);
      }
    },

    async removeWaiting(sku, orderId) {
      for (const entry of await waitingEntries(sku, orderId)) await deleteWaiting(sku, entry.sk);
    },

    async listWaiting(sku) {
      return (await waitingEntries(sku)).map(({ orderId, short, since }) => ({ orderId, short, since }));
    },
  };
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
}
