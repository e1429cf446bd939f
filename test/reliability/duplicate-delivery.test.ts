import { startChaosSystem } from './support/chaos-system';
import { expectedStock, type FinalState, readFinalState } from './support/final-state';
import { type Batch, driveBatch } from './support/order-batch';
import { sized } from './support/size';

/**
 * Duplicate delivery (issue 4): Step Functions promises at-least-once task runs and EventBridge
 * at-least-once delivery. Tried here: the runtime's chaos mode invokes every task's function twice at
 * once and delivers every event twice, while a batch of orders is walked to COMPLETED; a reference
 * batch of the same orders is walked first in the same runtime with chaos off (a normal run).
 * Asserted: the final state is the normal run's — each order completed by one execution, its timeline
 * and payments once, stock reserved and shipped once, the same emails, none twice.
 */
const ORDERS = sized(6, 3);

describe('duplicate delivery: every task run twice, every event delivered twice', () => {
  let normal: FinalState;
  let doubled: FinalState;
  let doubledBatch: Batch;
  let duplicates: { task: number; delivery: number };

  beforeAll(async () => {
    // Prepare: the runtime in duplicate mode, and a normal run of the batch with chaos switched off
    const system = await startChaosSystem({ duplicate: true });
    try {
      const chaos = system.runtime.chaos!;
      chaos.enabled = false;
      const reference = await driveBatch(system.api, 'REF', ORDERS, {
        concurrency: ORDERS,
        timeoutMs: 120_000,
      });
      await system.runtime.idle();
      normal = await readFinalState(system.api, system.runtime.info, reference.batch, reference.orderIds);

      // Act: the same batch with every task and delivery doubled
      chaos.enabled = true;
      const chaotic = await driveBatch(system.api, 'DUP', ORDERS, {
        concurrency: ORDERS,
        timeoutMs: 120_000,
      });
      await system.runtime.idle();
      doubledBatch = chaotic.batch;
      doubled = await readFinalState(system.api, system.runtime.info, chaotic.batch, chaotic.orderIds);
      const counts = chaos.counts();
      duplicates = { task: counts.duplicates.task, delivery: counts.duplicates.delivery };
    } finally {
      await system.stop();
    }
  });

  it('really ran every task and delivery twice', () => {
    // Assess: at least the tasks and events every order has (validate, review, confirm, allocate, …)
    expect(duplicates.task).toBeGreaterThanOrEqual(ORDERS * 8);
    expect(duplicates.delivery).toBeGreaterThanOrEqual(ORDERS * 8);
  });

  it('completes every order with one execution, as the normal run did', () => {
    // Assess
    expect(doubled.orders.map((order) => order.status)).toEqual(Array(ORDERS).fill('COMPLETED'));
    for (const order of doubled.orders) expect(doubled.executions[order.orderId]).toEqual(['SUCCEEDED']);
    expect(doubled.ordersPerCustomer).toEqual(Array(ORDERS).fill(1));
    expect(doubled.deadLetters).toEqual([]);
  });

  it('records each status and each payment once: the same timelines and amounts paid as the normal run', () => {
    // Assess
    const shape = (state: FinalState) =>
      state.orders.map(({ kind, paid, statuses, timeline }) => ({ kind, paid, statuses, timeline }));
    expect(shape(doubled)).toEqual(shape(normal));
  });

  it('reserves and ships stock once', () => {
    // Assess
    for (const [sku, { onHand, reserved }] of Object.entries(expectedStock(doubledBatch))) {
      const stock = doubled.stock[sku];
      expect({ sku, onHand: stock.onHand, reserved: stock.reserved }).toEqual({ sku, onHand, reserved });
      expect(stock.reservations).toEqual([]);
    }
  });

  it('sends each email once: the same emails per order as the normal run, none twice', () => {
    // Assess
    const byPosition = (state: FinalState) => state.orders.map((order) => state.emails[order.orderId]);
    expect(byPosition(doubled)).toEqual(byPosition(normal));
    expect(doubled.doubledEmails).toEqual([]);
    expect(normal.orders.every((order) => normal.emails[order.orderId].length >= 6)).toBe(true);
  });
});
