import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { RecordedRequest } from '../../../bench/support/dynamo-recorder';
import { replayStorageFloor } from '../../../bench/support/storage-floor';
import {
  ensureTables,
  type LocalDynamoDB,
  startLocalDynamoDB,
} from '../../../infra/local/dynamodb/local-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';

/** The benchmark's storage floor replays a run's recorded DynamoDB requests against a real dynalite. */
describe('storage floor replay (dynalite)', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let client: DynamoDBClient;
  const table = localNames.table('connections');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-storage-floor-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    await ensureTables(dynamodb.url, [{ spec: topology.tables.connections, physicalName: table }]);
    client = new DynamoDBClient(localClientConfig(dynamodb.url));
  });

  afterAll(async () => {
    client.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Per caller: a put of its own items (conditional, as the run's writes are), then a read of each. */
  function recorded(prefix: string, callers: string[], perCaller: number): RecordedRequest[] {
    const requests: RecordedRequest[] = [];
    const request = (operation: string, body: unknown, caller: string): RecordedRequest => ({
      operation,
      table,
      body: JSON.stringify(body),
      status: 200,
      responseBytes: 2,
      ms: 1,
      seq: requests.length,
      caller,
    });
    for (const caller of callers) {
      for (let i = 0; i < perCaller; i++) {
        const key = { connectionId: { S: `${prefix}-${caller}-${i}` } };
        requests.push(
          request(
            'PutItem',
            {
              TableName: table,
              Item: { ...key, expiresAt: { N: '1' } },
              // Would fail on a new item: the floor drops conditions, which replayed after the run would skip writes.
              ConditionExpression: 'attribute_exists(connectionId) AND #v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': { N: '1' } },
            },
            caller,
          ),
          request('GetItem', { TableName: table, Key: key }, caller),
        );
      }
    }
    return requests;
  }

  async function keysWith(prefix: string): Promise<string[]> {
    const { Items = [] } = await client.send(new ScanCommand({ TableName: table }));
    return Items.map((item) => item.connectionId.S ?? '').filter((id) => id.startsWith(prefix));
  }

  it.each([
    ['one client in one thread', 'worker'],
    ['one thread per calling function', 'callers'],
  ] as const)('replays every request once from %s, writes without their conditions', async (_, where) => {
    // Prepare
    const callers = ['notify-buyer', 'begin-wait', 'get-order'];
    const requests = recorded(where, callers, 10);
    const before = dynamodb.requestCounts();

    // Act
    const floor = await replayStorageFloor(dynamodb.url, requests, 4, where);

    // Assert
    expect(floor).toMatchObject({ requests: 60, errors: 0, byOperation: { PutItem: 30, GetItem: 30 } });
    expect(floor.ms).toBeGreaterThan(0);
    expect(floor.cpuMs).toBeGreaterThan(0);
    const after = dynamodb.requestCounts();
    expect((after.PutItem ?? 0) - (before.PutItem ?? 0)).toBe(30);
    expect((after.GetItem ?? 0) - (before.GetItem ?? 0)).toBe(30);
    expect((await keysWith(where)).sort()).toEqual(
      callers.flatMap((caller) => Array.from({ length: 10 }, (_, i) => `${where}-${caller}-${i}`)).sort(),
    );
  });
});
