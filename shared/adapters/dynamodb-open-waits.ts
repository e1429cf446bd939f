import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OpenWaitIndex, OverdueWait } from '../ports/open-waits';
import { OPEN_WAIT_SHARDS, OPEN_WAITS_INDEX } from './open-wait-keys';

/**
 * The open-waits index: a KEYS_ONLY GSI of the orders table on (openWaitShard, openWaitDueAt). Each
 * shard is one Query of `openWaitDueAt <= now`, run side by side; only index entries that are due are
 * read, whatever the number of orders.
 */
export function makeDynamoOpenWaitIndex(
  db: DynamoDBDocumentClient,
  tableName: string,
  /** The prefix of the items' pk before their id: `INQUIRY#` for the inquiries table's index. */
  idPrefix = 'ORDER#',
): OpenWaitIndex {
  async function shard(shardId: string, now: string, limit: number): Promise<OverdueWait[]> {
    const found: OverdueWait[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: OPEN_WAITS_INDEX,
          KeyConditionExpression: 'openWaitShard = :s AND openWaitDueAt <= :now',
          ExpressionAttributeValues: { ':s': shardId, ':now': now },
          Limit: limit - found.length,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const pk = String(item.pk);
        const orderId = pk.startsWith(idPrefix) ? pk.slice(idPrefix.length) : pk;
        found.push({ orderId, dueAt: String(item.openWaitDueAt) });
      }
      start = page.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found;
  }

  return {
    async listOverdue(now, limit) {
      const shards = Array.from({ length: OPEN_WAIT_SHARDS }, (_, i) => shard(String(i), now, limit));
      const all = (await Promise.all(shards)).flat();
      return all.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, limit);
    },
  };
}
