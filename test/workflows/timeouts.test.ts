import type { PaymentTerms } from '../../shared/contracts/common';
import type { WaitKind } from '../../shared/domain/order';
import { WAIT_OWNER, WAIT_STATUS } from '../../shared/domain/waits';
import {
  type LineSpec,
  startWorkflowHarness,
  timeScaleFor,
  WAIT_STATE,
  type WorkflowHarness,
} from './support/workflow-harness';

/**
 * Each wait's TimeoutSeconds, from the ASL: the server runs at a time scale where that wait times out
 * after ~TIMEOUT_MS, so it times out twice (OrderStalled level 1, then 2) while the order keeps its
 * status; then the department acts and the workflow goes on to COMPLETED.
 */

const TIMEOUT_MS = 250;

interface TimeoutCase {
  kind: WaitKind;
  /** Real time per timeout; the daily-checked waits need many checks before their date is reached. */
  timeoutMs?: number;
  terms: PaymentTerms;
  creditLimit?: null;
  lines?: LineSpec[];
}

const OA: PaymentTerms = { type: 'OA', netDays: 60 };

const cases: TimeoutCase[] = [
  { kind: 'credit-decision', terms: OA, creditLimit: null },
  { kind: 'deposit', terms: { type: 'TT', depositPercent: 30 } },
  { kind: 'stock', terms: OA, lines: [{ quantity: 20, onHand: 5 }] },
  { kind: 'packing', terms: OA },
  { kind: 'balance', terms: { type: 'LC' } },
  { kind: 'shipment', terms: OA },
  // Overdue at ETA + 3 days (the default ETA is ~40 days out): checked daily, so many quick timeouts.
  { kind: 'delivery', terms: OA, timeoutMs: 30 },
  // Net 1: overdue a day after delivery.
  { kind: 'payment', terms: { type: 'OA', netDays: 1 } },
];

describe('workflow: every wait escalates on timeout and waits again', () => {
  let h: WorkflowHarness | undefined;

  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it.each(cases)('$kind: OrderStalled level 1 then 2, same status, then goes on when ended', async (spec) => {
    // Prepare
    const { kind, terms, creditLimit, lines } = spec;
    h = await startWorkflowHarness({ timeScale: timeScaleFor(kind, spec.timeoutMs ?? TIMEOUT_MS) });
    const { orderId } = await h.placeOrder({ terms, creditLimit, lines });
    const status = WAIT_STATUS[kind];
    await h.runTo(orderId, status);
    const first = await h.waitForWait(orderId, kind);
    const isStall = (level: number) => (event: { detail: { wait?: string; level: number } }) =>
      event.detail.wait === kind && event.detail.level === level;

    // Act: let it time out twice.
    const level1 = await h.waitForEvent(orderId, 'OrderStalled', isStall(1));
    const second = await h.waitForWait(orderId, kind, { otherThanToken: first.pendingWait!.token });
    const level2 = await h.waitForEvent(orderId, 'OrderStalled', isStall(2));
    const third = await h.waitForWait(orderId, kind, { otherThanToken: second.pendingWait!.token });

    // Assess: still waiting in the same status, since the first start, escalated twice.
    for (const waiting of [first, second, third]) {
      expect(waiting.status).toBe(status);
      expect(waiting.pendingWait?.since).toBe(first.pendingWait!.since);
    }
    expect(third.escalations).toMatchObject({ [kind]: 2 });
    expect(level1.detail).toMatchObject({
      changeId: `${orderId}:stalled:${kind}:1`,
      status,
      since: first.pendingWait!.since,
      wait: kind,
      reason: `${kind} is overdue; ${WAIT_OWNER[kind]} is asked to act`,
    });
    expect(level2.detail).toMatchObject({ changeId: `${orderId}:stalled:${kind}:2`, status, wait: kind });
    expect(
      third.timeline.filter((entry) => entry.what.startsWith('Escalated')).map((entry) => entry.what),
    ).toEqual([
      `Escalated to level 1: ${kind} is overdue (${WAIT_OWNER[kind]})`,
      `Escalated to level 2: ${kind} is overdue (${WAIT_OWNER[kind]})`,
    ]);
    const state = WAIT_STATE[kind];
    const escalate = `Escalate${state}`;
    const entered = await h.statesEntered(orderId);
    const from = entered.indexOf(state);
    expect(entered.slice(from, from + 5)).toEqual([state, escalate, state, escalate, state]);

    // Act: the department finally acts; the workflow goes on to the end.
    await h.endWait(orderId, kind);
    await h.runTo(orderId, 'end', 10_000);

    // Assess
    expect((await h.waitForExecution(orderId)).status).toBe('SUCCEEDED');
    const order = await h.order(orderId);
    expect(order.status).toBe('COMPLETED');
    expect(order.failure).toBeUndefined();
    expect(await h.statuses(orderId)).toContain(status);
  });

  // Bugs the first version of this suite found, kept as regressions.

  it('does not call the payment of OA net 60 overdue before its due date (checked daily)', async () => {
    // Prepare: a day passes every 40 ms.
    h = await startWorkflowHarness({ timeScale: timeScaleFor('payment', 40) });
    const { orderId } = await h.placeOrder({ terms: { type: 'OA', netDays: 60 } });
    await h.runTo(orderId, 'AWAITING_PAYMENT');
    const waiting = await h.waitForWait(orderId, 'payment');

    // Act
    const stalled = await h.waitForEvent(
      orderId,
      'OrderStalled',
      (event) => event.detail.wait === 'payment',
      20_000,
    );

    // Assess: in workflow time, the stall must not come before the due date.
    const since = Date.parse(waiting.pendingWait!.since);
    const stalledAfterMs = (Date.parse(stalled.detail.occurredAt) - since) * h.timeScale;
    const dueAfterMs = Date.parse(waiting.paymentDueAt!) - since;
    expect(stalledAfterMs).toBeGreaterThanOrEqual(dueAfterMs);
  });

  it('escalates the delivery wait only past the ETA plus the grace period (checked daily)', async () => {
    // Prepare: a 40-day voyage; a day passes every 40 ms.
    h = await startWorkflowHarness({ timeScale: timeScaleFor('delivery', 40) });
    const { orderId } = await h.placeOrder({ terms: { type: 'OA', netDays: 30 } });
    await h.runTo(orderId, 'READY_TO_SHIP');
    const day = 86_400_000;
    const eta = new Date(Date.now() + 40 * day).toISOString();
    await h.ship(orderId, { etd: new Date().toISOString(), eta });
    const waiting = await h.waitForWait(orderId, 'delivery');

    // Act
    const stalled = await h.waitForEvent(
      orderId,
      'OrderStalled',
      (event) => event.detail.wait === 'delivery',
      20_000,
    );

    // Assess: "a wait past ETA plus a grace period escalates" (the lifecycle issue).
    const since = Date.parse(waiting.pendingWait!.since);
    const stalledAt = since + (Date.parse(stalled.detail.occurredAt) - since) * h.timeScale;
    expect(stalledAt).toBeGreaterThan(Date.parse(eta));
  });
});
