import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { TableSpec } from '../../topology/types';
import { listen } from '../listen';
import { localClientConfig } from '../local-aws';

export interface LocalDynamoDB {
  url: string;
  port: number;
  /** Requests served, by operation (GetItem, PutItem, Query...): the benchmarks' storage floor. */
  requestCounts(): Record<string, number>;
  close(): Promise<void>;
}

/** dynalite on LevelDB under `path`, so customers and orders survive a restart. */
export async function startLocalDynamoDB(options: {
  host: string;
  port: number;
  path: string;
}): Promise<LocalDynamoDB> {
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const counts: Record<string, number> = {};
  server.on('request', (request) => {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.slice(target.indexOf('.') + 1) || 'unknown';
    counts[operation] = (counts[operation] ?? 0) + 1;
  });
  const { url, port } = await listen(server, options.host, options.port);
  return {
    url,
    port,
    requestCounts: () => ({ ...counts }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Creates each table with its keys and indexes unless it exists (boot is idempotent), and returns once
 * every table is ACTIVE: dynalite answers ResourceNotFoundException to writes on a CREATING table.
 */
export async function ensureTables(
  endpoint: string,
  tables: { spec: TableSpec; physicalName: string }[],
): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    for (const { spec, physicalName } of tables) {
      if (await tableExists(client, physicalName)) continue;
      const attributes = new Map<string, AttributeDefinition>();
      const keys = [
        spec.partitionKey,
        spec.sortKey,
        ...spec.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
      ];
      for (const key of keys)
        if (key) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
      await client.send(
        new CreateTableCommand({
          TableName: physicalName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...attributes.values()],
          KeySchema: [
            { AttributeName: spec.partitionKey.name, KeyType: 'HASH' },
            ...(spec.sortKey ? [{ AttributeName: spec.sortKey.name, KeyType: 'RANGE' as const }] : []),
          ],
          GlobalSecondaryIndexes: spec.indexes.length
            ? spec.indexes.map((index) => ({
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                  ...(index.sortKey
                    ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }]
                    : []),
                ],
                Projection:
                  typeof index.projection === 'object'
                    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projection.include }
                    : { ProjectionType: index.projection },
              }))
            : undefined,
        }),
      );
    }
    for (const { physicalName } of tables) await untilActive(client, physicalName);
  } finally {
    client.destroy();
  }
}

async function untilActive(client: DynamoDBClient, name: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

async function tableExists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
