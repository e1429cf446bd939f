import { randomBytes } from 'node:crypto';
import type { CreateSubscriptionBody } from '../contracts/subscriptions';
import type { Actor } from '../domain/order';
import type { Subscription } from '../domain/subscription';
import type { IdGenerator } from '../ids';
import type { Clock } from '../ports/clock';
import type { SubscriptionRepository } from '../ports/subscriptions';
import { createOrFindRetried, keyedCreation } from './keyed-creation';
import { assertMayManage, assertSettings, type SubscriptionSettingsRules } from './subscription-rules';

export interface SubscriptionWriteDeps {
  subscriptions: SubscriptionRepository;
  clock: Clock;
  rules: SubscriptionSettingsRules;
  /** A new webhook secret (random, with a readable prefix). */
  newSecret?: () => string;
}

export const randomWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/**
 * POST /subscriptions: who else hears of a department's changes. Under an Idempotency-Key the id
 * comes from the key, so a retry after a crash finds the subscription instead of making a second.
 * The answer is the one time the webhook secret is shown.
 */
export function makeCreateSubscription(deps: SubscriptionWriteDeps & { newId: IdGenerator }) {
  const newSecret = deps.newSecret ?? randomWebhookSecret;
  return async (body: CreateSubscriptionBody, by: Actor, idempotencyKey?: string): Promise<Subscription> => {
    assertMayManage(by, body.department);
    assertSettings(body.department, body, deps.rules);
    const keyed = keyedCreation('sub', by, idempotencyKey, body);
    const at = deps.clock.now().toISOString();
    const subscription: Subscription = {
      subscriptionId: keyed?.id ?? deps.newId('sub'),
      department: body.department,
      name: body.name,
      ...(body.emails ? { emails: body.emails } : {}),
      ...(body.webhook
        ? { webhook: { url: body.webhook.url, secret: body.webhook.secret ?? newSecret() } }
        : {}),
      filters: body.filters,
      enabled: body.enabled,
      version: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: by,
      ...(keyed ? { createdUnder: keyed.createdUnder } : {}),
    };
    const retried = await createOrFindRetried(
      keyed,
      () => deps.subscriptions.create(subscription),
      () => deps.subscriptions.get(subscription.subscriptionId),
    );
    return retried ?? subscription;
  };
}
