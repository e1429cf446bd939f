import type { BenchApi } from './api-client';
import {
  batchSkus,
  catalogRequests,
  customerRequest,
  ENDED_BADLY,
  nextRequests,
  type OrderKind,
  type OrderView,
  orderRequest,
  type ScriptedBatch,
  type ScriptedRequest,
} from './export-order-script';
import type { OrderSignals } from './feed-signals';

/**
 * Full export orders driven through the HTTP API as the people and storefronts of DESIGN.md would
 * (what each does at each status: export-order-script.ts): each order is read with
 * `GET /orders/{id}` when the live feed says it changed (as the console does; see feed-signals.ts),
 * or else polled with a short backoff, and acted on when its status asks for it, until it is
 * COMPLETED.
 *
 * A batch of N orders has N-2 plain TT 30/70 orders, one open-account order over a small credit limit
 * (held for finance, approved), and one TT 30/70 order short of stock (a receipt resumes it). Every
 * order is packed, shipped, gets two tracking updates and is delivered.
 */
export type Batch = ScriptedBatch;

export interface DriveStats {
  polls: number;
  actions: number;
  /** Live feed messages the drivers received (when they used the feed). */
  feedMessages?: number;
}

const send = <T>(api: BenchApi, request: ScriptedRequest) =>
  api<T>(request.method, request.path, request.as, request.body);

/** Products, stock and customers for a batch (not part of what is measured). */
export async function seedBatch(api: BenchApi, run: string, n: number): Promise<Batch> {
  const skus = batchSkus(run);
  for (const request of catalogRequests(skus, n)) await send(api, request);
  const kinds: OrderKind[] = Array.from({ length: n }, (_, i) =>
    i === Math.floor(n / 3) ? 'credit-hold' : i === Math.floor((2 * n) / 3) ? 'shortfall' : 'plain',
  );
  const orders: Batch['orders'] = [];
  for (const [i, kind] of kinds.entries()) {
    const { customerId } = await send<{ customerId: string }>(api, customerRequest(run, i, kind, 'de'));
    orders.push({ kind, customerId });
  }
  return { run, orders, skus };
}

/** Places order `index` of the batch and walks it to COMPLETED. */
export async function driveOrder(
  api: BenchApi,
  batch: Batch,
  index: number,
  options: { firstPollMs: number; maxPollMs: number; timeoutMs: number; feedFallbackMs?: number },
  stats: DriveStats,
  signals?: OrderSignals,
): Promise<void> {
  const tag = `${batch.run}-${index}`;
  const { orderId } = await send<{ orderId: string }>(api, orderRequest(batch, index));
  stats.actions++;
  const acted = new Set<string>();
  const deadline = Date.now() + options.timeoutMs;
  let pause = options.firstPollMs;
  /** Does what the status asks for; false when it asks for nothing (the workflow is working). */
  const act = async (order: OrderView): Promise<boolean> => {
    const requests = nextRequests(batch, index, orderId, order, { tracking: ['DEPARTED', 'ARRIVED'] });
    for (const request of requests) {
      await send(api, request);
      stats.actions++;
    }
    return requests.length > 0;
  };
  for (;;) {
    if (signals) await signals.wait(orderId, options.feedFallbackMs ?? 1000);
    else await sleep(pause);
    const order = await api<OrderView>('GET', `/orders/${orderId}`, 'sales');
    stats.polls++;
    if (order.status === 'COMPLETED') return;
    if (ENDED_BADLY.has(order.status)) throw new Error(`order ${orderId} (${tag}) ended ${order.status}`);
    if (Date.now() > deadline) throw new Error(`order ${orderId} (${tag}) stuck in ${order.status}`);
    if (!acted.has(order.status) && (await act(order))) {
      acted.add(order.status);
      pause = options.firstPollMs;
    } else pause = Math.min(pause * 2, options.maxPollMs);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
