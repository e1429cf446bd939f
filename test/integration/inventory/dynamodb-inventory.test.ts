import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ensureTables,
  type LocalDynamoDB,
  startLocalDynamoDB,
} from '../../../infra/local/dynamodb/local-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';
import { makeDynamoInventoryRepository } from '../../../shared/adapters/dynamodb-inventory';
import { ConflictError } from '../../../shared/errors';
import type { InventoryRepository } from '../../../shared/ports/inventory';

/** The inventory adapter on a real dynalite: conditional writes, races, the waiting queue. */
describe('the DynamoDB inventory', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let db: DynamoDBDocumentClient;
  let inventory: InventoryRepository;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-inventory-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    const table = topology.tables.inventory;
    await ensureTables(dynamodb.url, [{ spec: table, physicalName: localNames.table(table.name) }]);
    db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(dynamodb.url)), {
      marshallOptions: { removeUndefinedValues: true },
    });
    inventory = makeDynamoInventoryRepository(db, localNames.table(table.name));
  });

  afterAll(async () => {
    db.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets 20 orders race for the same sku and never oversells', async () => {
    // Prepare
    await inventory.setStock('RACE-1', { onHand: 50 });
    const orderIds = Array.from({ length: 20 }, (_, index) => `ord_race_${String(index).padStart(2, '0')}`);

    // Act: every order wants 4 units (80 in all) at the same time
    const held = await Promise.all(orderIds.map((orderId) => inventory.reserve('RACE-1', orderId, 4)));

    // Assess
    const stock = await inventory.getStock('RACE-1');
    const total = held.reduce((sum, units) => sum + units, 0);
    expect(total).toBe(50);
    expect(held.every((units) => units >= 0 && units <= 4)).toBe(true);
    expect(stock?.available).toBe(0);
    expect(stock?.onHand).toBe(50);
    expect(Object.values(stock?.reservations ?? {}).reduce((sum, units) => sum + units, 0)).toBe(total);
    for (const [index, orderId] of orderIds.entries()) {
      expect(stock?.reservations[orderId] ?? 0).toBe(held[index]);
    }
  });

  it('reserves idempotently per order, even when the same order retries concurrently', async () => {
    // Prepare
    await inventory.setStock('IDEM-1', { onHand: 10 });

    // Act
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => inventory.reserve('IDEM-1', 'ord_a', 6)),
    );
    const again = await inventory.reserve('IDEM-1', 'ord_a', 6);

    // Assess
    expect(attempts).toEqual([6, 6, 6, 6, 6]);
    expect(again).toBe(6);
    expect(await inventory.getStock('IDEM-1')).toMatchObject({
      onHand: 10,
      available: 4,
      reservations: { ord_a: 6 },
    });
  });

  it('gives everything back once on release, and 0 the second time', async () => {
    // Prepare
    await inventory.setStock('REL-1', { onHand: 8 });
    await inventory.reserve('REL-1', 'ord_a', 5);
    await inventory.reserve('REL-1', 'ord_b', 2);

    // Act
    const released = await Promise.all([
      inventory.release('REL-1', 'ord_a'),
      inventory.release('REL-1', 'ord_a'),
    ]);
    const again = await inventory.release('REL-1', 'ord_a');

    // Assess
    expect(released.sort()).toEqual([0, 5]);
    expect(again).toBe(0);
    expect(await inventory.getStock('REL-1')).toMatchObject({
      onHand: 8,
      available: 6,
      reservations: { ord_b: 2 },
    });
  });

  it('takes the units of an order off hand once when they are dispatched', async () => {
    // Prepare
    await inventory.setStock('SHIP-1', { onHand: 10 });
    await inventory.reserve('SHIP-1', 'ord_a', 4);
    await inventory.reserve('SHIP-1', 'ord_b', 3);

    // Act
    const dispatched = await Promise.all([
      inventory.dispatch('SHIP-1', 'ord_a'),
      inventory.dispatch('SHIP-1', 'ord_a'),
    ]);

    // Assess
    expect(dispatched.sort()).toEqual([0, 4]);
    expect(await inventory.release('SHIP-1', 'ord_a')).toBe(0);
    expect(await inventory.getStock('SHIP-1')).toMatchObject({
      onHand: 6,
      available: 3,
      reservations: { ord_b: 3 },
    });
  });

  it('refuses to set onHand below what is reserved, and keeps reservations when setting it above', async () => {
    // Prepare
    await inventory.setStock('SET-1', { onHand: 10, reorderPoint: 3, warehouse: 'SHA-1' });
    await inventory.reserve('SET-1', 'ord_a', 7);

    // Act
    const refused = inventory.setStock('SET-1', { onHand: 6 });
    const updated = await inventory.setStock('SET-1', { onHand: 12, maxStock: 40 });

    // Assess
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    expect(updated).toMatchObject({
      onHand: 12,
      available: 5,
      reorderPoint: 3,
      maxStock: 40,
      warehouse: 'SHA-1',
      reservations: { ord_a: 7 },
    });
    expect(await inventory.getStock('SET-1')).toEqual(updated);
  });

  it('keeps available = onHand − reserved while counts, receipts and reservations interleave', async () => {
    // Prepare
    await inventory.setStock('MIX-1', { onHand: 10 });

    // Act
    await Promise.all([
      ...Array.from({ length: 8 }, (_, index) => inventory.reserve('MIX-1', `ord_mix_${index}`, 3)),
      inventory.receive('MIX-1', 5),
      inventory.receive('MIX-1', 4),
      inventory.release('MIX-1', 'ord_mix_0'),
    ]);

    // Assess
    const stock = await inventory.getStock('MIX-1');
    const reserved = Object.values(stock?.reservations ?? {}).reduce((sum, units) => sum + units, 0);
    expect(stock?.onHand).toBe(19);
    expect(stock?.available).toBe(19 - reserved);
    expect(stock?.available).toBeGreaterThanOrEqual(0);
  });

  it('creates the stock item on a first receipt and reports what is available', async () => {
    // Act
    const stock = await inventory.receive('NEW-1', 12, { warehouse: 'HAM-2' });
    await inventory.receive('NEW-1', 3);

    // Assess
    expect(stock).toMatchObject({
      sku: 'NEW-1',
      onHand: 12,
      available: 12,
      warehouse: 'HAM-2',
      reservations: {},
    });
    expect(await inventory.availableFor('NEW-1')).toBe(15);
    expect(await inventory.availableFor('NOWHERE-1')).toBe(0);
    expect(await inventory.reserve('NOWHERE-1', 'ord_a', 3)).toBe(0);
  });

  it('creates a product once and finds the missing ones in one batch', async () => {
    // Prepare
    await inventory.createProduct({
      sku: 'PROD-1',
      name: 'Ball valve DN50',
      unitCost: { currency: 'EUR', minor: 700 },
    });

    // Act
    const duplicate = inventory.createProduct({ sku: 'PROD-1', name: 'Another' });
    const many = Array.from({ length: 130 }, (_, index) => `MISSING-${index}`);
    const missing = await inventory.missingProducts(['PROD-1', 'MISSING-X', 'PROD-1', ...many]);

    // Assess
    await expect(duplicate).rejects.toBeInstanceOf(ConflictError);
    expect(await inventory.getProduct('PROD-1')).toEqual({
      sku: 'PROD-1',
      name: 'Ball valve DN50',
      unitCost: { currency: 'EUR', minor: 700 },
    });
    expect(missing).toEqual(['MISSING-X', ...many]);
  });

  it('lists the orders waiting for a sku oldest first, one entry per order', async () => {
    // Prepare
    await inventory.addWaiting('WAIT-1', 'ord_c', 5, '2026-11-27T12:00:00.000Z');
    await inventory.addWaiting('WAIT-1', 'ord_a', 3, '2026-11-27T10:00:00.000Z');
    await inventory.addWaiting('WAIT-1', 'ord_b', 9, '2026-11-27T11:00:00.000Z');

    // Act
    await inventory.addWaiting('WAIT-1', 'ord_a', 2, '2026-11-27T10:00:00.000Z');
    await inventory.addWaiting('WAIT-1', 'ord_b', 9, '2026-11-27T11:00:00.000Z');
    await inventory.removeWaiting('WAIT-1', 'ord_c');
    await inventory.removeWaiting('WAIT-1', 'ord_c');

    // Assess
    expect(await inventory.listWaiting('WAIT-1')).toEqual([
      { orderId: 'ord_a', short: 2, since: '2026-11-27T10:00:00.000Z' },
      { orderId: 'ord_b', short: 9, since: '2026-11-27T11:00:00.000Z' },
    ]);
    expect(await inventory.listWaiting('WAIT-2')).toEqual([]);
  });
});
