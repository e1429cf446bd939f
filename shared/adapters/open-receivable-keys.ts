import type { Order } from '../domain/order';
import { type OrderReceivable, receivableOf } from '../domain/receivables';

/**
 * The open-receivables index's attributes on an order item, present only while the order owes money
 * or holds a credit (receivables.ts), so the index is sparse: the receivables listing, the aging
 * report and bank reconciliation read what is open, never every order ever placed.
 *
 * - `receivableShard` (partition): one of OPEN_RECEIVABLE_SHARDS, by customer, so no one partition
 *   takes every write, and a customer's receivables sit together in one shard;
 * - `receivableKey` (sort): `<customerId>#<orderId>`, so one customer is a `begins_with` query;
 * - `receivable` (projected): the open installments with their due dates, small enough to copy into
 *   the index. An order write that leaves it as it was writes nothing to the index.
 */
export const OPEN_RECEIVABLES_INDEX = 'byOpenReceivable';
export const OPEN_RECEIVABLE_SHARDS = 4;

export function receivableShard(customerId: string): string {
  let hash = 0;
  for (let i = 0; i < customerId.length; i++) hash = (hash * 31 + customerId.charCodeAt(i)) >>> 0;
  return String(hash % OPEN_RECEIVABLE_SHARDS);
}

export interface OpenReceivableAttributes {
  receivableShard?: string;
  receivableKey?: string;
  receivable?: OrderReceivable;
}

export function openReceivableKeys(order: Order): OpenReceivableAttributes {
  const receivable = receivableOf(order);
  if (!receivable) return {};
  return {
    receivableShard: receivableShard(order.customerId),
    receivableKey: `${order.customerId}#${order.orderId}`,
    receivable,
  };
}
