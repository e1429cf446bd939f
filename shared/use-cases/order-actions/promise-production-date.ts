import type { PromisedDateBody } from '../../contracts/order-actions';
import type { EscalationSettings } from '../../domain/escalation-settings';
import { assertActionAllowed } from '../../domain/lifecycle';
import type { Actor, Order } from '../../domain/order';
import { InvalidInputError } from '../../errors';
import { type ActionResult, changed, type OrderActionDeps, runOrderAction } from '../order-action';
import { scheduledSteps } from '../wait-schedule';

export interface PromiseProductionDateDeps extends OrderActionDeps {
  /** The SLA settings and the local time scale: the packing wait's due time follows the date. */
  waitSchedule: { settings: { get(): Promise<EscalationSettings> }; timeScale: number };
}

/**
 * POST /orders/{id}/promised-date (warehouse, production): the day the goods will be packed. Kept
 * on the order, on its timeline, and, while the order waits for packing, the wait's next escalation
 * is due by it (the SLA's `promised-date` anchor) instead of the default. A new date replaces the
 * old; the same date again is a repeat. It ends no wait and emits nothing: the departments hear of
 * the order when it is packed, or when the promise is missed (OrderStalled).
 */
export function makePromiseProductionDate(deps: PromiseProductionDateDeps) {
  return async (orderId: string, body: PromisedDateBody, by: Actor): Promise<Order> => {
    const settings = await deps.waitSchedule.settings.get();
    return runOrderAction(
      deps,
      orderId,
      (order, now) => decide(order, body, by, now, settings, deps.waitSchedule.timeScale),
      async () => undefined,
    );
  };
}

function decide(
  order: Order,
  body: PromisedDateBody,
  by: Actor,
  now: string,
  settings: EscalationSettings,
  timeScale: number,
): ActionResult {
  if (order.promisedDate === body.promisedDate) return { kind: 'repeated', events: [] };
  assertActionAllowed('promised-date', order.status);
  if (body.promisedDate < now.slice(0, 10)) {
    throw new InvalidInputError(`promisedDate ${body.promisedDate} is in the past`, 'promisedDate');
  }
  const next: Order = { ...order, promisedDate: body.promisedDate };
  const wait = order.pendingWait;
  const pendingWait =
    wait?.kind === 'packing' ? { ...wait, dueAt: nextDue(next, wait, settings, timeScale) } : wait;
  if (pendingWait && !pendingWait.dueAt) delete pendingWait.dueAt;
  return {
    kind: 'changed',
    order: changed(
      order,
      { promisedDate: body.promisedDate, ...(pendingWait ? { pendingWait } : {}) },
      {
        what: 'Production date promised',
        note: `${body.promisedDate}${order.promisedDate ? ` (was ${order.promisedDate})` : ''}${body.note ? `: ${body.note}` : ''}`,
        by,
        at: now,
      },
    ),
    events: [],
  };
}

/** The due time of the wait's next escalation level, now counted to the promised date. */
function nextDue(
  order: Order,
  wait: NonNullable<Order['pendingWait']>,
  settings: EscalationSettings,
  timeScale: number,
): string | undefined {
  const level = (wait.escalatedLevel ?? 0) + 1;
  return scheduledSteps(order, 'packing', wait.since, settings, timeScale).find(
    (step) => step.level === level,
  )?.at;
}
