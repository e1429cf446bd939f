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
import type { InventoryRepository } from '../../../shared/ports/inventory';

/**
 * A shipment of an order shipped in parts leaves the warehouse on a real dynalite: exactly its units,
 * once however often the step is retried (even retries racing each other), the rest of the order's
 * reservation kept, and the ledger's `shipment` movement naming the shipment.
 */
describe('dispatching one shipment of an order shipped in parts (DynamoDB)', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let db: DynamoDBDocumentClient;
  let inventory: InventoryRepository;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-dispatch-'));
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

  it('takes exactly the shipment off hand, once under retries, and keeps the rest reserved', async () => {
    // Prepare: the order holds 10 units; its shipment 1 carries 6
    await inventory.setStock('PART-1', { onHand: 12 });
    await inventory.reserve('PART-1', 'ord_part_1', 10);

    // Act: the step and four retries of it, at once, then one more later
    const runs = await Promise.all(
      Array.from({ length: 5 }, () =>
        inventory.dispatch('PART-1', 'ord_part_1', { shipmentNo: 1, quantity: 6 }),
      ),
    );
    const later = await inventory.dispatch('PART-1', 'ord_part_1', { shipmentNo: 1, quantity: 6 });

    // Assess
    expect(runs.filter((units) => units === 6)).toHaveLength(1);
    expect(runs.filter((units) => units === 0)).toHaveLength(4);
    expect(later).toBe(0);
    expect(await inventory.getStock('PART-1')).toMatchObject({
      onHand: 6,
      available: 2,
      reservations: { ord_part_1: 4 },
    });
    const moves = (await inventory.listMovements('PART-1', { limit: 20 })).items;
    expect(moves.filter((move) => move.reason === 'shipment')).toEqual([
      expect.objectContaining({
        quantity: 6,
        shipmentNo: 1,
        orderId: 'ord_part_1',
        change: { onHand: -6, available: 0, reserved: -6 },
      }),
    ]);
  });

  it('dispatches the next shipment as its own', async () => {
    // Prepare: what is left of the order (4 units) is shipment 2
    await inventory.setStock('PART-2', { onHand: 10 });
    await inventory.reserve('PART-2', 'ord_part_2', 10);
    await inventory.dispatch('PART-2', 'ord_part_2', { shipmentNo: 1, quantity: 6 });

    // Act
    const second = await inventory.dispatch('PART-2', 'ord_part_2', { shipmentNo: 2, quantity: 4 });

    // Assess
    expect(second).toBe(4);
    expect(await inventory.getStock('PART-2')).toMatchObject({ onHand: 0, available: 0, reservations: {} });
    const shipped = (await inventory.listMovements('PART-2', { limit: 20 })).items
      .filter((move) => move.reason === 'shipment')
      .map((move) => [move.shipmentNo, move.quantity]);
    expect(shipped).toEqual([
      [2, 4],
      [1, 6],
    ]);
  });
});
