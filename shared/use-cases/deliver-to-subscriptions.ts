import type { DomainEvent } from '../contracts/events';
import {
  type Department,
  type EventFacts,
  needsOrderFacts,
  type Subscription,
  subscriptionMatches,
} from '../domain/subscription';
import type { RenderedEmail } from '../email/layout';
import { logger } from '../observability';
import type { Clock } from '../ports/clock';
import type { Mailer } from '../ports/mailer';
import type { OnceLog } from '../ports/once';
import type { OrderFactsReader } from '../ports/order-facts';
import type { SubscriptionRepository } from '../ports/subscriptions';
import type { WebhookSender } from '../ports/webhook-sender';
import { signedHeaders } from '../webhooks/signature';
import { webhookBody } from '../webhooks/webhook-body';
import { doOnce, type RunInfo } from './do-once';
import type { NotifyOutcome } from './notify-buyer';

export interface SubscriptionDeliveryDeps {
  department: Department;
  subscriptions: SubscriptionRepository;
  orderFacts: OrderFactsReader;
  mailer: Mailer;
  webhooks: WebhookSender;
  once: OnceLog;
  clock: Clock;
  /** The order's page in the console, when the console's address is known. */
  orderUrl: (orderId: string) => string | undefined;
}

/**
 * Some of a notice's deliveries failed; the others were done (and are not done again). Names each
 * failed subscription and what went wrong, never what was sent: this is the dead letter's last error.
 */
export class SubscriptionDeliveryError extends Error {
  override name = 'SubscriptionDeliveryError';
}

interface Effect {
  subscription: Subscription;
  kind: 'email' | 'webhook';
  run: () => Promise<unknown>;
}

/**
 * Delivers a department notice to the department's matching subscriptions: the email to each list,
 * the signed JSON to each webhook. Undefined when the department has no enabled subscription (its
 * default mailbox then gets the notice). Each side effect is claimed once per change and
 * subscription (`sub:<id>:<email|webhook>:<changeId>` beside the order), and all run side by side:
 * a failing webhook delays no other. When any failed, it throws after the others are done, so the
 * bus retries the event with backoff (the done ones answer 'before') and, after its retries,
 * dead-letters it with this error.
 */
export function makeDeliverToSubscriptions(deps: SubscriptionDeliveryDeps) {
  return async (
    event: DomainEvent,
    notice: RenderedEmail,
    run?: RunInfo,
  ): Promise<NotifyOutcome | undefined> => {
    const enabled = (await deps.subscriptions.listByDepartment(deps.department)).filter((s) => s.enabled);
    if (!enabled.length) return undefined;
    const detail = event.detail as { orderId: string; changeId: string; customerId?: unknown };
    const facts = await factsOf(event.type, detail, enabled, deps.orderFacts);
    const matching = enabled.filter((s) => subscriptionMatches(s, facts));
    if (!matching.length) return 'skipped';

    const { orderId, changeId } = detail;
    const orderUrl = deps.orderUrl(orderId);
    const sendEmail = (subscription: Subscription) =>
      deps.mailer.send({
        ...notice,
        to: subscription.emails ?? [],
        tags: {
          orderId,
          change: event.type,
          department: deps.department,
          subscription: subscription.subscriptionId,
        },
      });
    const postWebhook = (subscription: Subscription) => {
      const webhook = subscription.webhook!;
      const body = JSON.stringify(webhookBody(event, deps.department, subscription.subscriptionId, orderUrl));
      return deps.webhooks.post(
        webhook.url,
        body,
        signedHeaders(webhook.secret, changeId, body, deps.clock.now()),
      );
    };

    const effects: Effect[] = matching.flatMap((subscription) => [
      ...(subscription.emails
        ? [{ subscription, kind: 'email' as const, run: () => sendEmail(subscription) }]
        : []),
      ...(subscription.webhook
        ? [{ subscription, kind: 'webhook' as const, run: () => postWebhook(subscription) }]
        : []),
    ]);
    const results = await Promise.allSettled(
      effects.map((effect) =>
        doOnce(
          deps.once,
          `ORDER#${orderId}`,
          `sub:${effect.subscription.subscriptionId}:${effect.kind}:${changeId}`,
          run,
          effect.run,
        ),
      ),
    );
    const failures = results.flatMap((result, i) =>
      result.status === 'rejected' ? [{ effect: effects[i], error: result.reason }] : [],
    );
    for (const { effect, error } of failures) {
      logger.warn('subscription delivery failed', {
        department: deps.department,
        subscriptionId: effect.subscription.subscriptionId,
        kind: effect.kind,
        orderId,
        type: event.type,
        error: errorText(error),
      });
    }
    if (failures.length) {
      throw new SubscriptionDeliveryError(
        `${failures.length} of ${effects.length} deliveries failed: ${failures
          .map(
            ({ effect, error }) =>
              `${effect.subscription.subscriptionId} ${effect.kind}: ${errorText(error)}`,
          )
          .join('; ')}`,
      );
    }
    return results.some((r) => r.status === 'fulfilled' && r.value === 'now') ? 'sent' : 'duplicate';
  };
}

/** The event's type and customer, and the order's customer and ship-to country when a filter needs them. */
async function factsOf(
  type: string,
  detail: { orderId: string; customerId?: unknown },
  subscriptions: Subscription[],
  orders: OrderFactsReader,
): Promise<EventFacts> {
  const customerId = typeof detail.customerId === 'string' ? detail.customerId : undefined;
  if (!needsOrderFacts(subscriptions)) return { type, customerId };
  const order = await orders.get(detail.orderId);
  return { type, customerId: customerId ?? order?.customerId, country: order?.country };
}

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error was thrown';
