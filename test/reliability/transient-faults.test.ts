import type { ChaosCounts } from '../../infra/local/chaos/invocation-chaos';
import { startChaosSystem, TIME_SCALE } from './support/chaos-system';
import { expectedStock, type FinalState, readFinalState } from './support/final-state';
import { type Batch, driveBatch } from './support/order-batch';
import type { ClientCounts } from './support/retrying-client';
import { sized } from './support/size';
import { type TaskFailures, taskFailures } from './support/task-failures';

/**
 * Faults (issue 4). Tried here: the runtime's chaos mode makes each Lambda invocation — Step Functions
 * tasks, event deliveries, schedule runs, API Gateway calls — fail with probability 0.2 with a
 * transient error Lambda really reports (throttled, service error, timed out, client timeout), half of
 * them after the handler ran (its effects happened, its result is lost). The ASL's Retry policies,
 * EventBridge's retries, the scheduler's retries and the API client (retrying a 5xx with the same
 * Idempotency-Key, as a storefront would) must absorb every one.
 * Asserted: every order COMPLETED by one execution; exactly the emails and stock of a normal run; every
 * injected fault accounted for by a retry (task failure events, failed delivery attempts, 5xx answers);
 * no dead letter.
 */
const ORDERS = sized(200, 20);
const FAULT_RATE = 0.2;

/** Real (not injected) timeouts of the event consumers: their sandboxes ran out of time. */
function consumerTimeouts(system: {
  runtime: { lambda: { functionStats(): Record<string, { timeouts: number }> } };
}): number {
  return Object.entries(system.runtime.lambda.functionStats())
    .filter(([name]) => name.startsWith('notify-'))
    .reduce((sum, [, stats]) => sum + stats.timeouts, 0);
}

describe(`transient faults: ${FAULT_RATE * 100}% of Lambda invocations fail`, () => {
  let reference: FinalState;
  let batch: Batch;
  let state: FinalState;
  let orderIds: string[];
  let chaos: ChaosCounts;
  let client: ClientCounts;
  let failures: TaskFailures;
  let deliveries: {
    failedAttempts: number;
    deadLettered: number;
    toldToComeBack: number;
    realTimeouts: number;
  };
  let sweeps: { ok: boolean; attempts: number }[];
  let seconds: number;

  beforeAll(async () => {
    // Prepare: the runtime with faults, and one normal order of each kind (chaos switched off)
    const system = await startChaosSystem({ faultRate: FAULT_RATE, seed: 20_240_604 });
    try {
      const monkey = system.runtime.chaos!;
      monkey.enabled = false;
      const normal = await driveBatch(system.api, 'REF', 3, { concurrency: 3, timeoutMs: 180_000 });
      await system.runtime.idle();
      reference = await readFinalState(system.api, system.runtime.info, normal.batch, normal.orderIds);
      const clientBefore = system.api.counts();
      const deliveriesBefore = system.runtime.eventbridge.counts();
      const failuresBefore = system.runtime.eventbridge.failuresByError();
      const timeoutsBefore = consumerTimeouts(system);

      // Act: the batch under faults, and the stalled-order sweep fired a few times
      monkey.enabled = true;
      const started = performance.now();
      const faulty = await driveBatch(system.api, 'FLT', ORDERS, {
        concurrency: sized(25, 10),
        timeoutMs: sized(900_000, 180_000),
      });
      sweeps = [];
      for (let i = 0; i < 5; i++) sweeps.push(await system.runtime.scheduler.fire('sweep-stalled-orders'));
      await system.runtime.idle();
      seconds = (performance.now() - started) / 1000;
      monkey.enabled = false;

      ({ batch, orderIds } = faulty);
      state = await readFinalState(system.api, system.runtime.info, batch, orderIds);
      chaos = monkey.counts();
      const clientAfter = system.api.counts();
      client = Object.fromEntries(
        Object.entries(clientAfter).map(([k, v]) => [k, v - clientBefore[k as keyof ClientCounts]]),
      ) as unknown as ClientCounts;
      failures = taskFailures(system.runtime, orderIds);
      const deliveriesAfter = system.runtime.eventbridge.counts();
      const comeBack = (byError: Record<string, number>) => byError.SideEffectInProgressError ?? 0;
      deliveries = {
        failedAttempts: deliveriesAfter.failedAttempts - deliveriesBefore.failedAttempts,
        deadLettered: deliveriesAfter.deadLettered - deliveriesBefore.deadLettered,
        // A redelivery that found another still sending its email is told to come back (the lease).
        toldToComeBack: comeBack(system.runtime.eventbridge.failuresByError()) - comeBack(failuresBefore),
        // A consumer that really ran past its timeout on this loaded machine (not injected).
        realTimeouts: consumerTimeouts(system) - timeoutsBefore,
      };
      process.stdout.write(
        `${JSON.stringify({ orders: ORDERS, seconds: Math.round(seconds), timeScale: TIME_SCALE, chaos, client, failures, deliveries })}\n`,
      );
    } finally {
      await system.stop();
    }
  });

  it('injected faults everywhere: tasks, deliveries, schedules and API calls', () => {
    // Assess: about a fifth of the calls failed, on every path
    const calls = Object.values(chaos.calls).reduce((a, b) => a + b, 0);
    const faults = Object.values(chaos.faults).reduce((a, b) => a + b, 0);
    expect(faults / calls).toBeGreaterThan(FAULT_RATE * 0.6);
    expect(faults / calls).toBeLessThan(FAULT_RATE * 1.2);
    for (const source of ['task', 'delivery', 'api'] as const)
      expect(chaos.faults[source]).toBeGreaterThan(0);
    expect(chaos.faultsAfterHandler).toBeGreaterThan(0);
  });

  it('completes every order, with one execution each and no order placed twice', () => {
    // Assess
    const notCompleted = state.orders.filter((order) => order.status !== 'COMPLETED');
    expect(notCompleted.map((order) => `${order.orderId} ${order.status}`)).toEqual([]);
    for (const orderId of orderIds) expect(state.executions[orderId]).toEqual(['SUCCEEDED']);
    expect(state.ordersPerCustomer).toEqual(Array(ORDERS).fill(1));
  });

  it('retried every fault: each shows as a retried task failure, a failed delivery attempt or a 5xx the client retried', () => {
    // Assess: task faults are TaskFailed events followed by a retry (every execution SUCCEEDED);
    // a begin-wait fault after its handler already answered the token is not seen by the task
    expect(failures.other).toEqual([]);
    expect(failures.transient).toBeLessThanOrEqual(chaos.faults.task);
    expect(failures.transient).toBeGreaterThanOrEqual(
      chaos.faults.task - (chaos.faultsByFunction['task:begin-wait'] ?? 0),
    );
    expect(deliveries.failedAttempts).toBe(
      chaos.faults.delivery + deliveries.toldToComeBack + deliveries.realTimeouts,
    );
    expect(deliveries.deadLettered).toBe(0);
    expect(state.deadLetters).toEqual([]);
    expect(client.serverErrors).toBe(chaos.faults.api);
    expect(sweeps.every((run) => run.ok)).toBe(true);
    expect(sweeps.reduce((sum, run) => sum + run.attempts - 1, 0)).toBe(chaos.faults.schedule);
  });

  it('sends exactly the emails of a normal order of the same kind, none twice', () => {
    // Assess
    const expected = new Map(reference.orders.map((order) => [order.kind, reference.emails[order.orderId]]));
    const different = state.orders.filter(
      (order) => JSON.stringify(state.emails[order.orderId]) !== JSON.stringify(expected.get(order.kind)),
    );
    expect(different.map((order) => ({ kind: order.kind, emails: state.emails[order.orderId] }))).toEqual([]);
    expect(state.doubledEmails).toEqual([]);
  });

  it('records each payment once and reserves and ships stock exactly once', () => {
    // Assess
    const paid = new Map(reference.orders.map((order) => [order.kind, order.paid]));
    expect(state.orders.filter((order) => order.paid !== paid.get(order.kind))).toEqual([]);
    const timelines = new Map(reference.orders.map((order) => [order.kind, order.timeline]));
    expect(
      state.orders.filter(
        (order) => JSON.stringify(order.timeline) !== JSON.stringify(timelines.get(order.kind)),
      ),
    ).toEqual([]);
    for (const [sku, { onHand, reserved }] of Object.entries(expectedStock(batch))) {
      expect({ sku, onHand: state.stock[sku].onHand, reserved: state.stock[sku].reserved }).toEqual({
        sku,
        onHand,
        reserved,
      });
    }
  });
});
