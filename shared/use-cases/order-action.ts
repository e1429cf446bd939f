import type { DomainEvent } from '../contracts/events';
import type { Actor, Order, TimelineEntry } from '../domain/order';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { OrderRepository } from '../ports/orders';
import type { WorkflowCallbacks } from '../ports/workflow-callbacks';
import { endWaitIfSatisfied } from './end-wait';
import { retryOnConflict } from './retry-on-conflict';

/** What every staff action on an order needs. */
export interface OrderActionDeps {
  orders: OrderRepository;
  events: EventPublisher;
  callbacks: WorkflowCallbacks;
  clock: Clock;
}

/**
 * What an action makes of the order it read:
 * - `changed`: the next order (its version one up) and the events announcing the change;
 * - `repeated`: the same request was already applied (same payment reference, same packing list…):
 *   nothing is written, and the events it caused are published again with the same changeIds (the
 *   consumers deduplicate), so a retry after a failure between the write and the publish loses
 *   nothing. With `refusal`, the answer is that error once the events and the workflow are seen to
 *   (a second cancel is a 409, but it still tells the workflow again).
 */
export type ActionResult =
  | { kind: 'changed'; order: Order; events: DomainEvent[] }
  | { kind: 'repeated'; events: DomainEvent[]; refusal?: Error };

/** After the write and the events: what to tell the workflow (by default, end its wait if satisfied). */
export type AfterAction = (order: Order, callbacks: WorkflowCallbacks) => Promise<unknown>;

/** The first try and three more after a concurrent change. */
/**
 * Runs a staff action: load the order (404), let `decide` check the status and apply the domain rule,
 * write it conditioned on the version read (another writer first → reload and decide again), publish
 * the events, then end the workflow's wait if what it waits for has now happened.
 */
export async function runOrderAction(
  deps: OrderActionDeps,
  orderId: string,
  decide: (order: Order, now: string) => ActionResult,
  after: AfterAction = endWaitIfSatisfied,
): Promise<Order> {
  const { order, result } = await retryOnConflict(async () => {
    const current = await deps.orders.get(orderId);
    if (!current) throw new NotFoundError(`order ${orderId} not found`);
    const decided = decide(current, deps.clock.now().toISOString());
    if (decided.kind !== 'changed') return { order: current, result: decided };
    await deps.orders.save(decided.order);
    return { order: decided.order, result: decided };
  });
  if (result.events.length) await deps.events.publish(result.events);
  await after(order, deps.callbacks);
  if (result.kind === 'repeated' && result.refusal) throw result.refusal;
  return order;
}

/** The order with a change applied by someone: version up, updatedAt and a timeline entry. */
export function changed(
  order: Order,
  change: Partial<Order>,
  entry: { what: string; by: Actor; at: string; note?: string },
): Order {
  const timelineEntry: TimelineEntry = {
    at: entry.at,
    what: entry.what,
    by: entry.by,
    ...(entry.note ? { note: entry.note } : {}),
  };
  return {
    ...order,
    ...change,
    updatedAt: entry.at,
    version: order.version + 1,
    timeline: [...order.timeline, timelineEntry],
  };
}

/** The fields every event detail carries. */
export function eventBase(order: Order, changeId: string, occurredAt: string) {
  return { version: 1 as const, changeId, occurredAt, orderId: order.orderId };
}

/** Whether two JSON values are the same, whatever the order of their keys (DynamoDB keeps none). */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
