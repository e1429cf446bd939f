import type { UpdateSubscriptionBody } from '../contracts/subscriptions';
import type { Actor } from '../domain/order';
import type { Subscription } from '../domain/subscription';
import { ConflictError, NotFoundError } from '../errors';
import { randomWebhookSecret, type SubscriptionWriteDeps } from './create-subscription';
import { assertMayManage, assertSettings } from './subscription-rules';

export interface ReplacedSubscription {
  subscription: Subscription;
  /** A webhook secret made or given by this request: shown in its answer, never again. */
  newSecret: boolean;
}

/**
 * PUT /subscriptions/{id}: replaces its settings (not its department) if it is still at `version`;
 * otherwise 409, and the caller reads it again. A webhook without a secret keeps the one it had (a
 * new one is made when it had no webhook).
 */
export function makeReplaceSubscription(deps: SubscriptionWriteDeps) {
  const newSecret = deps.newSecret ?? randomWebhookSecret;
  return async (
    subscriptionId: string,
    body: UpdateSubscriptionBody,
    by: Actor,
  ): Promise<ReplacedSubscription> => {
    const current = await deps.subscriptions.get(subscriptionId);
    if (!current) throw new NotFoundError(`subscription ${subscriptionId} not found`);
    assertMayManage(by, current.department);
    assertSettings(current.department, body, deps.rules);
    if (current.version !== body.version) {
      throw new ConflictError(
        `subscription ${subscriptionId} is at version ${current.version}, not ${body.version}; read it again`,
      );
    }
    const secret = body.webhook && (body.webhook.secret ?? current.webhook?.secret ?? newSecret());
    const { emails: _emails, webhook: _webhook, ...kept } = current;
    const subscription: Subscription = {
      ...kept,
      name: body.name,
      ...(body.emails ? { emails: body.emails } : {}),
      ...(body.webhook && secret ? { webhook: { url: body.webhook.url, secret } } : {}),
      filters: body.filters,
      enabled: body.enabled,
      version: current.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    await deps.subscriptions.save(subscription);
    return {
      subscription,
      newSecret: Boolean(body.webhook && secret !== current.webhook?.secret),
    };
  };
}

/** DELETE /subscriptions/{id}: from then on its department's notices no longer reach it. */
export function makeDeleteSubscription(deps: Pick<SubscriptionWriteDeps, 'subscriptions'>) {
  return async (subscriptionId: string, by: Actor): Promise<void> => {
    const current = await deps.subscriptions.get(subscriptionId);
    if (!current) throw new NotFoundError(`subscription ${subscriptionId} not found`);
    assertMayManage(by, current.department);
    await deps.subscriptions.delete(subscriptionId);
  };
}
