import type { PaymentTerms } from '../../shared/contracts/common';
import type { WaitKind } from '../../shared/domain/order';
import { WAIT_STATUS } from '../../shared/domain/waits';
import {
  type LineSpec,
  startWorkflowHarness,
  timeScaleFor,
  WAIT_STATE,
  type WorkflowHarness,
} from './support/workflow-harness';

/**
 * Each wait's TimeoutSeconds, from the ASL: the server runs at a time scale where that wait times out
 * after ~TIMEOUT_MS, so it times out twice. The timeout is a backstop (the escalation sweep owns the
 * levels, on the SLAs): the workflow re-enters the same wait, which keeps its start and its next SLA
 * due time, and raises nothing; then the department acts and the workflow goes on to COMPLETED.
 */

const TIMEOUT_MS = 250;

interface TimeoutCase {
  kind: WaitKind;
  /** Real time per timeout. */
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
  { kind: 'delivery', terms: OA },
  { kind: 'payment', terms: { type: 'OA', netDays: 1 } },
];

describe('workflow: every wait has a timeout that re-enters it (a backstop; the sweep escalates)', () => {
  let h: WorkflowHarness | undefined;

  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it.each(cases)(
    '$kind: times out twice, same status and SLA due time, then goes on when ended',
    async (spec) => {
      // Prepare
      const { kind, terms, creditLimit, lines } = spec;
      h = await startWorkflowHarness({ timeScale: timeScaleFor(kind, spec.timeoutMs ?? TIMEOUT_MS) });
      const { orderId } = await h.placeOrder({ terms, creditLimit, lines });
      const status = WAIT_STATUS[kind];
      await h.runTo(orderId, status);
      const first = await h.waitForWait(orderId, kind);

      // Act: let it time out twice.
      const second = await h.waitForWait(orderId, kind, { otherThanToken: first.pendingWait!.token });
      const third = await h.waitForWait(orderId, kind, { otherThanToken: second.pendingWait!.token });

      // Assess: still waiting in the same status, since the first start, with the same SLA due time
      // (in the open-waits index), and nothing raised by the timeouts.
      expect(first.pendingWait?.dueAt).toEqual(expect.any(String));
      for (const waiting of [first, second, third]) {
        expect(waiting.status).toBe(status);
        expect(waiting.pendingWait?.since).toBe(first.pendingWait!.since);
        expect(waiting.pendingWait?.dueAt).toBe(first.pendingWait!.dueAt);
      }
      expect(third.escalations).toBeUndefined();
      expect(h.eventsOf(orderId, 'OrderStalled')).toHaveLength(0);
      expect(third.timeline.filter((entry) => entry.what.startsWith('Escalated'))).toHaveLength(0);
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
      expect(order.pendingWait).toBeUndefined();
      expect(await h.statuses(orderId)).toContain(status);
    },
  );
});
