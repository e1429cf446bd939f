import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ensureTables, startLocalDynamoDB } from '../../../infra/local/dynamodb/local-dynamodb';
import { localClientConfig } from '../../../infra/local/local-aws';
import type { TableSpec } from '../../../infra/topology/types';

/** A data folder from an older version: its table lacks an index the topology now declares. */
describe('local tables gain the indexes the topology adds, keeping their items', () => {
  const older: TableSpec = {
    name: 'orders',
    envVar: 'ORDERS_TABLE',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [{ name: 'byStatus', partitionKey: { name: 'status', type: 'S' }, projection: 'KEYS_ONLY' }],
  };
  const newer: TableSpec = {
    ...older,
    indexes: [
      ...older.indexes,
      { name: 'byExternalRef', partitionKey: { name: 'externalRef', type: 'S' }, projection: 'ALL' },
    ],
  };
  const item = (n: number) => ({
    pk: { S: `ORDER#${n}` },
    sk: { S: 'ORDER' },
    status: { S: 'RECEIVED' },
    ...(n % 2 ? { externalRef: { S: `shop-${n}` } } : {}),
    blob: { B: new Uint8Array([n, 255, 0]) },
  });

  it('rebuilds the table with the new index, every item kept (binary attributes too)', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-rebuild-'));
    const dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: join(dataDir, 'db') });
    const client = new DynamoDBClient(localClientConfig(dynamodb.url));
    try {
      await ensureTables(dynamodb.url, [{ spec: older, physicalName: 'orders' }]);
      for (let n = 0; n < 60; n++)
        await client.send(new PutItemCommand({ TableName: 'orders', Item: item(n) }));
      const lines: string[] = [];

      // Act
      await ensureTables(dynamodb.url, [{ spec: newer, physicalName: 'orders' }], {
        rebuildDir: join(dataDir, 'rebuild'),
        progress: (line) => lines.push(line),
      });

      // Assess
      const { Table } = await client.send(new DescribeTableCommand({ TableName: 'orders' }));
      expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
        'byExternalRef',
        'byStatus',
      ]);
      const { Items } = await client.send(new ScanCommand({ TableName: 'orders' }));
      expect(Items).toHaveLength(60);
      expect(Items?.find((it) => it.pk.S === 'ORDER#7')?.blob.B).toEqual(new Uint8Array([7, 255, 0]));
      expect(lines).toEqual(['rebuilding table orders for its new index byExternalRef']);
      expect(existsSync(join(dataDir, 'rebuild', 'orders.json'))).toBe(false);
    } finally {
      client.destroy();
      await dynamodb.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('finishes a rebuild cut short, from the items it saved', async () => {
    // Prepare: the items were saved and the table dropped, then the process died
    const dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-rebuild-'));
    const dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: join(dataDir, 'db') });
    const client = new DynamoDBClient(localClientConfig(dynamodb.url));
    try {
      const saved = [item(1), item(2)].map((it) => ({ ...it, blob: { B: { $base64: 'AQID' } } }));
      const rebuildDir = join(dataDir, 'rebuild');
      rmSync(rebuildDir, { recursive: true, force: true });
      mkdirSync(rebuildDir, { recursive: true });
      writeFileSync(join(rebuildDir, 'orders.json'), JSON.stringify(saved));

      // Act
      await ensureTables(dynamodb.url, [{ spec: newer, physicalName: 'orders' }], { rebuildDir });

      // Assess
      const { Items } = await client.send(new ScanCommand({ TableName: 'orders' }));
      expect(Items?.map((it) => it.pk.S).sort()).toEqual(['ORDER#1', 'ORDER#2']);
      expect(Items?.[0].blob.B).toEqual(new Uint8Array([1, 2, 3]));
      expect(existsSync(join(rebuildDir, 'orders.json'))).toBe(false);
    } finally {
      client.destroy();
      await dynamodb.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
