import { type AttributeValue, DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';

/** Every item of every table of the topology, as DynamoDB holds it (attribute values, not converted). */
export type TableSnapshot = Record<string, string[]>;

/**
 * Scans each table on the runtime's DynamoDB endpoint: a table with a new table in the topology is
 * covered too. Items are canonical JSON (keys sorted), sorted, so two snapshots are equal exactly when
 * the stored data is.
 */
export function tableSnapshots(endpoint: string) {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  return {
    async take(): Promise<TableSnapshot> {
      const snapshot: TableSnapshot = {};
      for (const table of Object.values(topology.tables)) {
        const items: string[] = [];
        const pages = paginateScan(
          { client },
          { TableName: localNames.table(table.name), ConsistentRead: true },
        );
        for await (const page of pages) for (const item of page.Items ?? []) items.push(canonical(item));
        snapshot[table.name] = items.sort();
      }
      return snapshot;
    },
    close: () => client.destroy(),
  };
}

/** What differs between two snapshots, per table: items gone and items new (changed = one of each). */
export function tableChanges(before: TableSnapshot, after: TableSnapshot) {
  const changes: { table: string; gone: string[]; added: string[] }[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const now = new Set(after[table] ?? []);
    const gone = [...was].filter((item) => !now.has(item));
    const added = [...now].filter((item) => !was.has(item));
    if (gone.length || added.length) changes.push({ table, gone, added });
  }
  return changes;
}

/** Items of a table whose attributes start with the given prefixes (e.g. `{ pk: 'ORDER#', sk: 'ORDER' }`). */
export function countItems(snapshot: TableSnapshot, table: string, prefixes: Record<string, string>): number {
  return (snapshot[table] ?? []).filter((item) => {
    const attributes = JSON.parse(item) as Record<string, AttributeValue>;
    return Object.entries(prefixes).every(([name, prefix]) => {
      const value = attributes[name];
      return value !== undefined && 'S' in value && String(value.S).startsWith(prefix);
    });
  }).length;
}

function canonical(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value instanceof Uint8Array) return { binary: Buffer.from(value).toString('base64') };
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}
