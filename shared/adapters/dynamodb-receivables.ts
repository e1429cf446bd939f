import { type DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { OrderReceivable } from '../domain/receivables';
import type { ReceivableReader } from '../ports/receivables';
import { OPEN_RECEIVABLE_SHARDS, OPEN_RECEIVABLES_INDEX, receivableShard } from './open-receivable-keys';

/**
 * The open-receivables index of the orders table (open-receivable-keys.ts): one customer is one
 * `begins_with` query in its shard; everything is one query per shard, side by side. Only orders
 * that owe money or hold a credit are in it, so the reads grow with what is open, not with history.
 */
export function makeDynamoReceivableReader(db: DynamoDBDocumentClient, tableName: string): ReceivableReader {
  async function shard(shardId: string, customerId?: string): Promise<OrderReceivable[]> {
    const found: OrderReceivable[] = [];
    const pages = paginateQuery(
      { client: db },
      {
        TableName: tableName,
        IndexName: OPEN_RECEIVABLES_INDEX,
        KeyConditionExpression: customerId
          ? 'receivableShard = :s AND begins_with(receivableKey, :c)'
          : 'receivableShard = :s',
        ExpressionAttributeValues: { ':s': shardId, ...(customerId ? { ':c': `${customerId}#` } : {}) },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        if (item.receivable) found.push(item.receivable as OrderReceivable);
      }
    }
    return found;
  }

  return {
    async list(options = {}) {
      const shards = options.customerId
        ? [receivableShard(options.customerId)]
        : Array.from({ length: OPEN_RECEIVABLE_SHARDS }, (_, i) => String(i));
      const all = (await Promise.all(shards.map((id) => shard(id, options.customerId)))).flat();
      return all.sort(
        (a, b) => a.customerId.localeCompare(b.customerId) || a.orderId.localeCompare(b.orderId),
      );
    },
  };
}
