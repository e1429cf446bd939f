import type { EscalationSettings } from '../domain/escalation-settings';
import type { Order, WaitKind } from '../domain/order';
import { type EscalationStep, escalationSteps, slaPolicy, type WaitContext } from '../domain/sla';

/** A step with `at`: the instant the sweep acts on it (its due time, compressed by the time scale locally). */
export interface ScheduledStep extends EscalationStep {
  at: string;
}

/** What an order knows of a wait's own dates. */
export function waitContext(order: Order, since: string): WaitContext {
  const eta = order.tracking?.eta ?? order.shipment?.eta;
  return {
    since,
    ...(order.paymentDueAt ? { dueDate: order.paymentDueAt } : {}),
    ...(eta ? { eta } : {}),
    // The stock wait: the supplier's lead time, or the date of the purchase orders covering it.
    ...(order.supply?.supplierLeadTimeDays !== undefined
      ? { supplierLeadTimeDays: order.supply.supplierLeadTimeDays }
      : {}),
    ...(order.supply?.stockExpectedAt ? { stockExpectedAt: order.supply.stockExpectedAt } : {}),
    // The packing wait: the day production promised.
    ...(order.promisedDate ? { promisedDate: order.promisedDate } : {}),
  };
}

/**
 * A wait's escalation steps under the settings in force. Locally (TRADEFLOW_TIME_SCALE > 1) SLA clocks
 * run faster: the time from the wait's start to each due time is divided by the scale, as task
 * timeouts are, so a 1-day SLA is overdue after a second at a scale of 86,400.
 */
export function scheduledSteps(
  order: Order,
  wait: WaitKind,
  since: string,
  settings: EscalationSettings,
  timeScale = 1,
): ScheduledStep[] {
  const start = Date.parse(since);
  return escalationSteps(wait, waitContext(order, since), slaPolicy(settings.slas), settings.calendar).map(
    (step) => ({
      ...step,
      at: new Date(start + (Date.parse(step.dueAt) - start) / timeScale).toISOString(),
    }),
  );
}
