import type { Subscription } from '../domain/subscription';

/** A subscription as staff read it: its settings, without its webhook secret. */
export function subscriptionView(subscription: Subscription, options: { showSecret?: boolean } = {}) {
  const { createdUnder: _createdUnder, webhook, ...settings } = subscription;
  return {
    ...settings,
    ...(webhook
      ? { webhook: { url: webhook.url, ...(options.showSecret ? { secret: webhook.secret } : {}) } }
      : {}),
  };
}
