import type { Actor } from '../domain/order';
import { type Department, mayManage } from '../domain/subscription';
import { webhookUrlProblem } from '../domain/webhook-address';
import { NEXT_STEPS } from '../email/department/next-steps';
import { ForbiddenError, InvalidInputError } from '../errors';

/** Where a subscription's webhook may point, as the functions that save them are configured. */
export interface SubscriptionSettingsRules {
  /** Only on the local runtime (TRADEFLOW_LOOPBACK_WEBHOOKS): development receivers on 127.0.0.1. */
  allowLoopback: boolean;
}

/** Admin manages every department's subscriptions; a department's own role only its own. */
export function assertMayManage(by: Actor, department: Department): void {
  if (!mayManage(by.role, department)) {
    throw new ForbiddenError(`the ${by.role ?? by.kind} role may not manage ${department}'s subscriptions`);
  }
}

/** The checks a schema cannot make: loopback only where allowed; only types the department hears. */
export function assertSettings(
  department: Department,
  settings: { webhook?: { url: string }; filters: { eventTypes?: string[] } },
  rules: SubscriptionSettingsRules,
): void {
  if (settings.webhook) {
    const problem = webhookUrlProblem(settings.webhook.url, rules);
    if (problem) throw new InvalidInputError(`webhook.url ${problem}`, 'webhook.url');
  }
  const heard = Object.keys(NEXT_STEPS[department]);
  const unheard = settings.filters.eventTypes?.find((type) => !heard.includes(type));
  if (unheard) {
    throw new InvalidInputError(
      `filters.eventTypes: ${department} does not hear of ${unheard}; it hears of ${heard.join(', ')}`,
      'filters.eventTypes',
    );
  }
}
