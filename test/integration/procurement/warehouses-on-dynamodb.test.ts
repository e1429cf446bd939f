import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  ensureTables,
  type LocalDynamoDB,
  startLocalDynamoDB,
} from '../../../infra/local/dynamodb/local-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';
import { makeDynamoInventoryRepository } from '../../../shared/adapters/dynamodb-inventory';
import { makeDynamoProcurementRepository } from '../../../shared/adapters/dynamodb-procurement';
import { makeRecordingPublisher } from '../../../shared/adapters/in-memory/side-effects';
import type { LedgerEntry } from '../../../shared/domain/stock-levels';
import type { InventoryRepository } from '../../../shared/ports/inventory';
import { makeCheckReorder } from '../../../shared/use-cases/procurement/check-reorder';

/** Stock in two warehouses, its ledger and the reorder marker on a real dynalite, under races. */
describe('warehouses, the ledger and the reorder marker on DynamoDB', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let db: DynamoDBDocumentClient;
  let inventory: InventoryRepository;
  let procurement: ReturnType<typeof makeDynamoProcurementRepository>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-warehouses-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    const tables = [topology.tables.inventory, topology.tables.procurement];
    await ensureTables(
      dynamodb.url,
      tables.map((spec) => ({ spec, physicalName: localNames.table(spec.name) })),
    );
    db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(dynamodb.url)), {
      marshallOptions: { removeUndefinedValues: true },
    });
    inventory = makeDynamoInventoryRepository(db, localNames.table('inventory'));
    procurement = makeDynamoProcurementRepository(db, localNames.table('procurement'));
  });

  afterAll(async () => {
    db.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function ledger(sku: string): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    let nextToken: string | undefined;
    do {
      const page = await inventory.listMovements(sku, { limit: 25, nextToken });
      entries.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
    return entries;
  }

  it('lets 20 orders race for a sku split over two warehouses: never over-reserved, every unit in the ledger', async () => {
    // Prepare
    await inventory.setStock('SPLIT-1', { onHand: 30 });
    await inventory.setStock('SPLIT-1', { onHand: 25, warehouse: 'HAM' });
    const orderIds = Array.from({ length: 20 }, (_, i) => `ord_split_${String(i).padStart(2, '0')}`);

    // Act: 20 orders want 4 units each (80) of the 55 there are, at once
    const held = await Promise.all(orderIds.map((orderId) => inventory.reserve('SPLIT-1', orderId, 4)));

    // Assess
    const stock = (await inventory.getStock('SPLIT-1'))!;
    expect(held.reduce((sum, n) => sum + n, 0)).toBe(55);
    expect(stock.warehouses).toEqual({
      MAIN: { onHand: 30, available: 0, incoming: 0 },
      HAM: { onHand: 25, available: 0, incoming: 0 },
    });
    for (const [index, orderId] of orderIds.entries()) {
      const split = stock.allocations?.[orderId] ?? {};
      expect(Object.values(split).reduce((sum, n) => sum + n, 0)).toBe(held[index]);
    }
    const entries = await ledger('SPLIT-1');
    const reserved = entries.filter((entry) => entry.reason === 'reservation');
    expect(reserved.reduce((sum, entry) => sum + entry.quantity, 0)).toBe(55);
    for (const warehouse of ['MAIN', 'HAM']) {
      const units = reserved.filter((e) => e.warehouse === warehouse).reduce((sum, e) => sum + e.quantity, 0);
      expect(units).toBe(stock.warehouses?.[warehouse].onHand);
    }
    expect(new Set(entries.map((entry) => entry.movementId)).size).toBe(entries.length);
    const item = await db.send(
      new GetCommand({ TableName: localNames.table('inventory'), Key: { pk: 'SKU#SPLIT-1', sk: 'STOCK' } }),
    );
    expect(item.Item?.outbox).toEqual({});
  });

  it('releases a cancelled order to the warehouses it took from, once, with its ledger entries', async () => {
    // Prepare
    await inventory.setStock('SPLIT-2', { onHand: 3 });
    await inventory.setStock('SPLIT-2', { onHand: 5, warehouse: 'HAM' });
    await inventory.reserve('SPLIT-2', 'ord_a', 7);

    // Act
    const released = await Promise.all([
      inventory.release('SPLIT-2', 'ord_a'),
      inventory.release('SPLIT-2', 'ord_a'),
    ]);

    // Assess
    expect(released.sort()).toEqual([0, 7]);
    expect((await inventory.getStock('SPLIT-2'))?.warehouses).toMatchObject({
      MAIN: { onHand: 3, available: 3 },
      HAM: { onHand: 5, available: 5 },
    });
    const releases = (await ledger('SPLIT-2')).filter((entry) => entry.reason === 'release');
    expect(releases.map((entry) => [entry.warehouse, entry.quantity, entry.orderId]).sort()).toEqual([
      ['HAM', 5, 'ord_a'],
      ['MAIN', 2, 'ord_a'],
    ]);
  });

  it('applies a receipt with a once-key once, however often it is retried', async () => {
    // Act
    await Promise.all(
      Array.from({ length: 5 }, () =>
        inventory.receive('ONCE-1', 12, { warehouse: 'HAM', onceKey: 'po:x:r1:1' }),
      ),
    );

    // Assess
    expect(await inventory.getStock('ONCE-1')).toMatchObject({ onHand: 12, warehouse: 'HAM' });
    expect((await ledger('ONCE-1')).map((entry) => entry.reason)).toEqual(['receipt']);
  });

  it('raises one replenishment request when many reservations cross the reorder point together', async () => {
    // Prepare
    await inventory.setStock('REORDER-1', { onHand: 100, reorderPoint: 40, maxStock: 300 });
    const events = makeRecordingPublisher();
    const checkReorder = makeCheckReorder({
      inventory,
      procurement,
      events,
      clock: { now: () => new Date() },
    });

    // Act: 15 reservations, each followed by its check, all at once
    await Promise.all(
      Array.from({ length: 15 }, async (_, i) => {
        await inventory.reserve('REORDER-1', `ord_reorder_${i}`, 5);
        await checkReorder('REORDER-1');
      }),
    );
    const again = await checkReorder('REORDER-1');

    // Assess
    const open = await procurement.listOpenReplenishments({ limit: 10 });
    expect(open.items.filter((request) => request.sku === 'REORDER-1')).toHaveLength(1);
    expect(events.published.filter((event) => event.type === 'ReplenishmentRequested')).toHaveLength(1);
    expect(again).toEqual([]);
    expect(open.items[0]).toMatchObject({ warehouse: 'MAIN', announced: true });
  });
});
