import {
  batchSkus,
  buyerEmail,
  catalogRequests,
  customerRequest,
  ENDED_BADLY,
  MOTORS_ON_HAND,
  nextRequests,
  ORDERED,
  type OrderKind,
  type OrderView,
  orderRequest,
  type ScriptedBatch,
  type ScriptedRequest,
  stockLevels,
  orderedUnits as unitsOf,
} from '../../../bench/support/export-order-script';
import type { RetryingClient } from './retrying-client';
import { sleep } from './retrying-client';

/**
 * Export orders walked through the HTTP API to COMPLETED by the people DESIGN.md names, as the
 * lifecycle bench walks them (the same script: bench/support/export-order-script.ts), but through
 * failures: every POST carries an Idempotency-Key made from the order and the step, so a retry (after
 * a 5xx, or across a runtime restart) is the same request.
 *
 * A batch has a plain TT 30/70 order for most slots, one open-account order over a small credit limit
 * (held, approved by finance) and one order short of stock (a receipt resumes it), each with its own
 * customer (a buyer's credit review reads only that buyer's orders).
 */
export type { OrderKind };
export { ORDERED };

export interface Batch extends ScriptedBatch {
  orders: { kind: OrderKind; customerId: string; email: string }[];
  /** Units put on hand per SKU at the start. */
  stocked: Record<string, number>;
}

export function kindsFor(n: number): OrderKind[] {
  if (n < 3) return Array.from({ length: n }, () => 'plain');
  return Array.from({ length: n }, (_, i) => (i === 1 ? 'credit-hold' : i === 2 ? 'shortfall' : 'plain'));
}

const send = <T>(api: RetryingClient, request: ScriptedRequest) =>
  api<T>(request.method, request.path, request.as, request.body, request.name);

/** Products, stock and one customer per order. */
export async function seedBatch(api: RetryingClient, run: string, n: number): Promise<Batch> {
  const skus = batchSkus(run);
  for (const request of catalogRequests(skus, n)) await send(api, request);
  const stocked = stockLevels(skus, n);
  const orders: Batch['orders'] = [];
  for (const [i, kind] of kindsFor(n).entries()) {
    const { customerId } = await send<{ customerId: string }>(api, customerRequest(run, i, kind, 'en'));
    orders.push({ kind, customerId, email: buyerEmail(run, i) });
  }
  return { run, orders, skus, stocked };
}

/** Units of each SKU an order of this kind takes. */
export function orderedUnits(batch: Batch, kind: OrderKind): Record<string, number> {
  return unitsOf(batch.skus, kind);
}

/** Units received into stock by the batch's shortfall orders (each receives what it lacked). */
export function receivedUnits(batch: Batch): Record<string, number> {
  const shortfalls = batch.orders.filter((order) => order.kind === 'shortfall').length;
  return { [batch.skus.motor]: shortfalls * (ORDERED.motor - MOTORS_ON_HAND) };
}

/** Places order `index` of the batch (keyed, so a retry is the same order) and returns its id. */
export async function placeOrder(api: RetryingClient, batch: Batch, index: number): Promise<string> {
  const { orderId } = await send<{ orderId: string }>(api, orderRequest(batch, index));
  return orderId;
}

/** Walks a placed order to COMPLETED, acting once on each status that asks for someone. */
export async function walkOrder(
  api: RetryingClient,
  batch: Batch,
  index: number,
  orderId: string,
  options: { timeoutMs: number; pollMs?: number },
): Promise<void> {
  const tag = `${batch.run}-${index}`;
  const acted = new Set<string>();
  const deadline = Date.now() + options.timeoutMs;
  const pollMs = options.pollMs ?? 100;
  for (;;) {
    const order = await api<OrderView>('GET', `/orders/${orderId}`, 'sales');
    if (order.status === 'COMPLETED') return;
    if (ENDED_BADLY.has(order.status)) throw new Error(`order ${orderId} (${tag}) ended ${order.status}`);
    if (Date.now() > deadline) throw new Error(`order ${orderId} (${tag}) stuck in ${order.status}`);
    const requests = acted.has(order.status)
      ? []
      : nextRequests(batch, index, orderId, order, { tracking: ['ARRIVED'] });
    // An order's action is keyed by the order, the step and how many statuses it has acted on (a
    // retry is the same request); the stock receipt by the order alone (one per shortfall order).
    for (const request of requests) {
      const name = request.path.startsWith('/orders/') ? `${request.name}-${acted.size}` : request.name;
      await send(api, { ...request, name });
    }
    if (requests.length) acted.add(order.status);
    else await sleep(pollMs);
  }
}

/** Runs `work` for 0..n-1, at most `concurrency` at a time; rejects with the first failure. */
export async function inPool(
  n: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

/** Seeds a batch of `n` orders and walks them all to COMPLETED, `concurrency` at a time. */
export async function driveBatch(
  api: RetryingClient,
  run: string,
  n: number,
  options: { concurrency: number; timeoutMs: number },
): Promise<{ batch: Batch; orderIds: string[] }> {
  const batch = await seedBatch(api, run, n);
  const orderIds: string[] = [];
  await inPool(n, options.concurrency, async (i) => {
    orderIds[i] = await placeOrder(api, batch, i);
    await walkOrder(api, batch, i, orderIds[i], { timeoutMs: options.timeoutMs });
  });
  return { batch, orderIds };
}
