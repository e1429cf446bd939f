import type { Order } from '../domain/order';

/**
 * The open-waits index's key attributes on an order item: `openWaitShard` (partition) and
 * `openWaitDueAt` (sort), present only while the order's wait has a step left to escalate, so the
 * index is sparse. The shard spreads the index over a fixed number of partitions (no hot partition
 * when many waits begin at once); the sweep reads each shard's `openWaitDueAt <= now` range.
 */
export const OPEN_WAITS_INDEX = 'byOpenWaitDue';
export const OPEN_WAIT_SHARDS = 8;

export function openWaitShard(orderId: string): string {
  let hash = 0;
  for (let i = 0; i < orderId.length; i++) hash = (hash * 31 + orderId.charCodeAt(i)) >>> 0;
  return String(hash % OPEN_WAIT_SHARDS);
}

export function openWaitKeys(order: Order): { openWaitShard?: string; openWaitDueAt?: string } {
  const dueAt = order.pendingWait?.dueAt;
  return dueAt ? { openWaitShard: openWaitShard(order.orderId), openWaitDueAt: dueAt } : {};
}
