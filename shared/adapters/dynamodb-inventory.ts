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
import { checkUnits, type Product, type Stock, type WaitingOrder } from '../domain/inventory';
import type { Actor } from '../domain/order';
import {
  countStock,
  endReservation,
  expectUnits,
  type LedgerEntry,
  normalizedStock,
  receiveUnits,
  reserveUnits,
  type StockChange,
} from '../domain/stock-levels';
import { ConcurrentUpdateError, ConflictError } from '../errors';
import type { InventoryRepository } from '../ports/inventory';
import { stockOverviewAttributes } from './dynamodb-stock-overview';
import { decodeToken, encodeToken } from './page-token';

/**
 * Inventory in DynamoDB, one partition per sku (pk `SKU#<sku>`):
 * - sk `PRODUCT`: the product;
 * - sk `STOCK`: per warehouse onHand, available, incoming, reorder point and maximum; the units each
 *   order holds per warehouse; totals; a version; the keys of the `stockOverview` index
 *   (dynamodb-stock-overview.ts), rewritten with the item. Every change is one PutItem conditional on the
 *   version read (stock-levels.ts computes it), so `available = onHand − Σ reservations` holds in
 *   every warehouse and stock is never oversold, with no transactions (dynalite has none);
 * - sk `MOVE#<version>#<warehouse>`: the ledger, one entry per movement, newest last;
 * - sk `WAIT#<since>#<orderId>`: an order waiting for the sku; a Query on the prefix lists the queue
 *   oldest first.
 */
const pk = (sku: string) => `SKU#${sku}`;
const productKey = (sku: string) => ({ pk: pk(sku), sk: 'PRODUCT' });
const stockKey = (sku: string) => ({ pk: pk(sku), sk: 'STOCK' });
const WAIT_PREFIX = 'WAIT#';
const MOVE_PREFIX = 'MOVE#';
const ONCE_KEY_DAYS = 7;
const SYSTEM: Actor = { kind: 'system', id: 'inventory' };

/** Conditional writes that lose a race re-read and try again, with a little jittered backoff. */
const MAX_ATTEMPTS = 50;
const BATCH_GET_LIMIT = 100;

export function makeDynamoInventoryRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
  now: () => Date = () => new Date(),
): InventoryRepository {
  async function getStock(sku: string): Promise<Stock | undefined> {
    const raw = await getRawStock(sku);
    return raw ? toStock(raw) : undefined;
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

  /**
   * One change of the sku's stock item: read, apply the pure change, write the whole item on the
   * condition that its version is still the one read (lost races re-read and try again). The
   * movements go into the item's `outbox` in that same write, then into the ledger (an item per
   * movement, its id the item's version and warehouse, so writing it twice writes the same item),
   * then leave the outbox; a writer that died in between leaves them for the next write to flush.
   * `onceKey` makes the change happen once: it is kept on the item (a week) and a second change
   * with it writes nothing.
   */
  async function mutate<T>(
    what: string,
    sku: string,
    change: (current: Stock | undefined) => StockChange<T>,
    onceKey?: string,
  ): Promise<T> {
    let leftover: Record<string, LedgerEntry> = {};
    const result = await untilWritten(what, async () => {
      const raw = await getRawStock(sku);
      leftover = (raw?.outbox as Record<string, LedgerEntry> | undefined) ?? {};
      const current = raw ? toStock(raw) : undefined;
      const applied = (raw?.applied as Record<string, string> | undefined) ?? {};
      if (onceKey && applied[onceKey]) return { value: (current ?? change(current).result) as T };
      const { next, movements, result: value } = change(current);
      if (!next) return { value };
      const at = now().toISOString();
      const outbox: Record<string, LedgerEntry> = { ...leftover };
      for (const movement of movements) {
        const movementId = `${String(next.version).padStart(10, '0')}#${movement.warehouse}`;
        outbox[movementId] = { ...movement, movementId, sku, at };
      }
      const keep = onceKey ? { ...recent(applied, at), [onceKey]: at } : recent(applied, at);
      const written = await conditional(async () => {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...stockKey(sku), ...next, ...stockOverviewAttributes(next), outbox, applied: keep },
            ...(raw
              ? {
                  ConditionExpression: 'version = :version',
                  ExpressionAttributeValues: { ':version': raw.version },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        );
        return true;
      });
      if (!written) return undefined;
      leftover = outbox;
      return { value };
    });
    await flush(sku, leftover);
    return result.value;
  }

  /** Ledger entries into the ledger, then out of the stock item's outbox (both idempotent). */
  async function flush(sku: string, outbox: Record<string, LedgerEntry>): Promise<void> {
    const ids = Object.keys(outbox);
    if (!ids.length) return;
    for (const id of ids) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: pk(sku), sk: `${MOVE_PREFIX}${id}`, ...outbox[id] },
        }),
      );
    }
    const names = Object.fromEntries(ids.map((id, i) => [`#m${i}`, id]));
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: stockKey(sku),
        UpdateExpression: `REMOVE ${ids.map((_, i) => `outbox.#m${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: names,
      }),
    );
  }

  async function getRawStock(sku: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: stockKey(sku), ConsistentRead: true }),
    );
    return Item;
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

    async setStock(sku, settings, by = SYSTEM) {
      checkUnits(settings.onHand, 'onHand', true);
      return mutate(`stock of ${sku}`, sku, (current) => countStock(current, sku, settings, by));
    },

    async reserve(sku, orderId, wanted) {
      checkUnits(wanted, 'wanted', true);
      return mutate(`reservation of ${sku} for ${orderId}`, sku, (current) =>
        reserveUnits(current, sku, orderId, wanted),
      );
    },

    async release(sku, orderId) {
      return mutate(`reservation of ${sku} for ${orderId}`, sku, (current) =>
        endReservation(current, sku, orderId, 'release'),
      );
    },

    async dispatch(sku, orderId, shipment) {
      if (!shipment) {
        return mutate(`reservation of ${sku} for ${orderId}`, sku, (current) =>
          endReservation(current, sku, orderId, 'shipment'),
        );
      }
      checkUnits(shipment.quantity, 'quantity', true);
      // Once per shipment and sku: a retried step finds its key and dispatches nothing again.
      const dispatched: unknown = await mutate(
        `shipment ${shipment.shipmentNo} of ${sku} for ${orderId}`,
        sku,
        (current) => endReservation(current, sku, orderId, 'shipment', shipment),
        `shipment#${orderId}#${shipment.shipmentNo}`,
      );
      return typeof dispatched === 'number' ? dispatched : 0;
    },

    async receive(sku, quantity, options = {}) {
      checkUnits(quantity, 'quantity', false);
      return mutate(
        `receipt of ${sku}`,
        sku,
        (current) => receiveUnits(current, sku, quantity, { ...options, by: options.by ?? SYSTEM }),
        options.onceKey,
      );
    },

    async expectIncoming(sku, warehouse, quantity, onceKey) {
      return mutate(
        `incoming ${sku}`,
        sku,
        (current) => expectUnits(current, sku, warehouse, quantity),
        onceKey,
      );
    },

    async listMovements(sku, options) {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :move)',
          ...(options.warehouse ? { FilterExpression: 'warehouse = :warehouse' } : {}),
          ExpressionAttributeValues: {
            ':pk': pk(sku),
            ':move': MOVE_PREFIX,
            ...(options.warehouse ? { ':warehouse': options.warehouse } : {}),
          },
          ScanIndexForward: false,
          Limit: options.limit,
          ExclusiveStartKey: decodeToken(options.nextToken, ['pk', 'sk']),
        }),
      );
      return {
        items: (page.Items ?? []).map((item) => strip(item) as unknown as LedgerEntry),
        ...(page.LastEvaluatedKey ? { nextToken: encodeToken(page.LastEvaluatedKey) } : {}),
      };
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

/** The stock item as the domain sees it: without its keys, outbox and once-keys. */
function toStock(item: Record<string, unknown>): Stock {
  const { outbox: _outbox, applied: _applied, stockList: _list, stockRank: _rank, ...rest } = strip(item);
  return normalizedStock(rest as unknown as Stock, String(rest.sku)) as Stock;
}

/** Once-keys younger than a week (a retried receipt comes within minutes; the item must not grow). */
function recent(applied: Record<string, string>, at: string): Record<string, string> {
  const cutoff = Date.parse(at) - ONCE_KEY_DAYS * 86_400_000;
  return Object.fromEntries(Object.entries(applied).filter(([, when]) => Date.parse(when) >= cutoff));
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
}
