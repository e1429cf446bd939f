import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/**
 * A local table whose indexes the topology has changed (a data folder from an older version) is
 * rebuilt with them: dynalite cannot add an index to a table that has items. Its items are saved to
 * a file first, so a rebuild cut short (Ctrl-C, a crash) is finished from that file at the next
 * start instead of losing them.
 */
export class TableRebuild {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly dir: string,
  ) {}

  /** Items saved by a rebuild that did not finish, if any. */
  unfinished(table: string): Item[] | undefined {
    const file = this.file(table);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8'), revive) as Item[]) : undefined;
  }

  /** Saves every item, then drops the table (the caller creates it anew and calls `restore`). */
  async saveAndDrop(table: string): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file(table)}.tmp`;
    writeFileSync(temporary, JSON.stringify(items, replace));
    renameSync(temporary, this.file(table));
    await this.client.send(new DeleteTableCommand({ TableName: table }));
    return items;
  }

  /** Puts the saved items into the new table, then forgets them. */
  async restore(table: string, items: Item[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let pending: Record<string, { PutRequest: { Item: Item } }[]> | undefined = {
        [table]: items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } })),
      };
      while (pending && Object.keys(pending).length) {
        const result = await this.client.send(new BatchWriteItemCommand({ RequestItems: pending }));
        pending = result.UnprocessedItems as typeof pending;
      }
    }
    rmSync(this.file(table), { force: true });
  }

  private file(table: string): string {
    return join(this.dir, `${table}.json`);
  }
}

/** Binary attributes survive the file as base64. */
function replace(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value;
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$base64' in value) {
    return new Uint8Array(Buffer.from(String((value as { $base64: string }).$base64), 'base64'));
  }
  return value;
}
