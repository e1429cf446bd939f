import type { DomainEvent } from '../contracts/events';
import type { Money } from '../domain/money';
import { subtract, zero } from '../domain/money-math';
import type { Actor, Order, PendingWait } from '../domain/order';
import { amountDueBy } from '../domain/payment-schedule';
import { ownerOf } from '../domain/sla';
import { WAIT_STATUS, waitOutcome } from '../domain/waits';
import type { Clock } from '../ports/clock';
import type { EscalationSettingsStore } from '../ports/escalation-settings';
import type { EventPublisher } from '../ports/events';
import { type OnceLog, SideEffectInProgressError } from '../ports/once';
import type { OpenWaitIndex } from '../ports/open-waits';
import type { OrderRepository } from '../ports/orders';
import { doOnce } from './do-once';
import { moneyOut } from './money-view';
import { updateOrder, withEntry } from './update-order';
import { type ScheduledStep, scheduledSteps } from './wait-schedule';

export interface EscalateOverdueDeps {
  orders: OrderRepository;
  openWaits: OpenWaitIndex;
  settings: EscalationSettingsStore;
  events: EventPublisher;
  once: OnceLog;
  clock: Clock;
  /** How many times faster SLA clocks run locally (TRADEFLOW_TIME_SCALE); 1 on AWS. */
  timeScale?: number;
  /** Waits handled per run; the rest are still overdue for the next run. */
  batchSize?: number;
}

export interface SweepResult {
  overdue: number;
  raised: number;
  /** Left to another sweep that was raising the same level at the same moment. */
  busy: number;
}

export const ESCALATION: Actor = { kind: 'system', id: 'escalation' };

/**
 * The escalation sweep: reads the open-waits index for waits whose next step is due (its cost grows
 * with what is overdue, not with the orders kept) and raises each due level once: announced first,
 * under a once-log claim per wait and level (a concurrent sweep finds the claim and leaves it; one
 * that died after announcing is followed by one that finds it done and only records it), then
 * recorded on the order with a version condition (its timeline, `pendingWait.escalatedLevel`, and
 * the next step's due time, or no due time when none is left: the order leaves the index).
 */
export function makeEscalateOverdueWaits(deps: EscalateOverdueDeps) {
  const { openWaits, settings, clock, batchSize = 500 } = deps;
  return async (): Promise<SweepResult> => {
    const now = clock.now().toISOString();
    const due = await openWaits.listOverdue(now, batchSize);
    const result: SweepResult = { overdue: due.length, raised: 0, busy: 0 };
    if (!due.length) return result;
    const current = await settings.get();
    for (const { orderId } of due) {
      try {
        result.raised += await escalateOrder(deps, orderId, now, (order, wait) =>
          scheduledSteps(order, wait.kind, wait.since, current, deps.timeScale ?? 1),
        );
      } catch (error) {
        if (!(error instanceof SideEffectInProgressError)) throw error;
        result.busy++;
      }
    }
    return result;
  };
}

type Steps = (order: Order, wait: PendingWait) => ScheduledStep[];

/** Raises every level of one order's wait that is due at `now`; how many were raised. */
async function escalateOrder(deps: EscalateOverdueDeps, orderId: string, now: string, stepsOf: Steps) {
  const { orders, once } = deps;
  let raised = 0;
  for (;;) {
    const order = await orders.get(orderId);
    const wait = order?.pendingWait;
    if (!order || !wait?.dueAt) return raised;
    const level = (wait.escalatedLevel ?? 0) + 1;
    const steps = stepsOf(order, wait);
    const step = steps.find((s) => s.level === level);
    const next = steps.find((s) => s.level === level + 1);
    // A wait stays on the order until the next one begins: one whose status is gone, or whose end has
    // happened (paid, packed, shipped…), is over, as is any wait of a cancelled order.
    const over =
      !!order.cancellation ||
      order.status !== WAIT_STATUS[wait.kind] ||
      waitOutcome(order, wait.kind).satisfied;
    if (over || !step || step.at > now) {
      // Nothing to raise now: the wait is over, no step is left, or the settings (or a new ETA) moved
      // the step later. The due time follows what is true now (none: the order leaves the index).
      const dueAt = over ? undefined : step?.at;
      await moveDueAt(deps, orderId, wait, dueAt);
      return raised;
    }
    await doOnce(once, `ORDER#${orderId}`, `escalation:${wait.kind}:${wait.since}:${level}`, undefined, () =>
      deps.events.publish([announcement(order, wait, step, now)]),
    );
    await updateOrder(orders, orderId, (latest) => {
      const open = latest.pendingWait;
      if (!isSameWait(open, wait) || (open!.escalatedLevel ?? 0) >= level) return undefined;
      return withEntry(
        {
          ...latest,
          pendingWait: { ...open!, escalatedLevel: level, dueAt: next?.at },
          escalations: { ...latest.escalations, [wait.kind]: level },
        },
        { at: now, by: ESCALATION, what: step.what },
      );
    });
    raised++;
  }
}

const isSameWait = (a: PendingWait | undefined, b: PendingWait) =>
  !!a && a.kind === b.kind && a.since === b.since;

async function moveDueAt(deps: EscalateOverdueDeps, orderId: string, wait: PendingWait, dueAt?: string) {
  await updateOrder(deps.orders, orderId, (latest) => {
    const open = latest.pendingWait;
    if (!isSameWait(open, wait) || open!.dueAt === dueAt) return undefined;
    const { dueAt: _old, ...rest } = open!;
    return { ...latest, pendingWait: dueAt ? { ...rest, dueAt } : rest };
  });
}

function announcement(order: Order, wait: PendingWait, step: ScheduledStep, now: string): DomainEvent {
  const base = { version: 1 as const, occurredAt: now, orderId: order.orderId };
  if (wait.kind === 'payment') {
    return {
      type: 'PaymentOverdue',
      detail: {
        ...base,
        changeId: `${order.orderId}:PaymentOverdue:${step.level}`,
        customerId: order.customerId,
        level: step.level,
        since: wait.since,
        dueAt: order.paymentDueAt ?? step.dueAt,
        outstanding: moneyOut(outstanding(order)),
      },
    };
  }
  const who = step.action === 'department' ? ownerOf(wait.kind) : `the ${ownerOf(wait.kind)} manager`;
  return {
    type: 'OrderStalled',
    detail: {
      ...base,
      changeId: `${order.orderId}:stalled:${wait.kind}:${step.level}`,
      status: order.status,
      since: wait.since,
      level: step.level,
      reason: `${wait.kind} is overdue; ${who} is asked to act`,
      wait: wait.kind,
      dueAt: step.dueAt,
    },
  };
}

function outstanding(order: Order): Money {
  const paid = order.paid ?? zero(order.currency);
  const owed = order.paymentSchedule
    ? subtract(amountDueBy(order.paymentSchedule, 'full'), paid)
    : zero(order.currency);
  return owed.minor > 0 ? owed : { ...owed, minor: 0 };
}
