import {
  type AttributeDefinition,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { TableSpec } from '../../topology/types';
import { listen } from '../listen';
import { localClientConfig } from '../local-aws';
import { TableRebuild } from './table-rebuild';

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
/**
 * Creates the topology's tables that do not exist yet. A table that lacks one of the topology's
 * indexes (a data folder from before the index) is rebuilt with it, its items kept (TableRebuild).
 */
export async function ensureTables(
  endpoint: string,
  tables: { spec: TableSpec; physicalName: string }[],
  options: { rebuildDir?: string; progress?: (text: string) => void } = {},
): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  const rebuild = options.rebuildDir ? new TableRebuild(client, options.rebuildDir) : undefined;
  try {
    for (const { spec, physicalName } of tables) {
      let saved = rebuild?.unfinished(physicalName);
      const existing = await describeTable(client, physicalName);
      if (existing && saved) await client.send(new DeleteTableCommand({ TableName: physicalName }));
      else if (existing) {
        const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
        const missing = spec.indexes.filter((index) => !have.has(index.name)).map((index) => index.name);
        if (!missing.length || !rebuild) continue;
        options.progress?.(`rebuilding table ${spec.name} for its new index ${missing.join(', ')}`);
        saved = await rebuild.saveAndDrop(physicalName);
      }
      await untilGone(client, physicalName);
      await client.send(new CreateTableCommand(createTableInput(spec, physicalName)));
      await untilActive(client, physicalName);
      if (saved && rebuild) await rebuild.restore(physicalName, saved);
    }
  } finally {
    client.destroy();
  }
}

function createTableInput(spec: TableSpec, physicalName: string) {
  const attributes = new Map<string, AttributeDefinition>();
  const keys = [
    spec.partitionKey,
    spec.sortKey,
    ...spec.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  for (const key of keys)
    if (key) attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
  return {
    TableName: physicalName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes.values()],
    KeySchema: [
      { AttributeName: spec.partitionKey.name, KeyType: 'HASH' as const },
      ...(spec.sortKey ? [{ AttributeName: spec.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    GlobalSecondaryIndexes: spec.indexes.length
      ? spec.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
            ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
          ],
          Projection:
            typeof index.projection === 'object'
              ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: index.projection.include }
              : { ProjectionType: index.projection },
        }))
      : undefined,
  };
}

async function untilGone(client: DynamoDBClient, name: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (!(await describeTable(client, name))) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`table ${name} was not deleted`);
}

async function untilActive(client: DynamoDBClient, name: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

async function describeTable(client: DynamoDBClient, name: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
