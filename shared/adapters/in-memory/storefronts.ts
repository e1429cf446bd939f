import type { Storefront } from '../../domain/storefront';
import { ConflictError } from '../../errors';
import type { StorefrontApiKeys, StorefrontRepository } from '../../ports/storefronts';
import type { WebhookDelivery, WebhookInbox } from '../../ports/webhook-inbox';

/** For unit tests: storefronts on a Map, with the repository's create condition. */
export function makeInMemoryStorefrontRepository(initial: Storefront[] = []) {
  const items = new Map(initial.map((storefront) => [storefront.storefrontId, structuredClone(storefront)]));
  const repository: StorefrontRepository = {
    async create(storefront) {
      if (items.has(storefront.storefrontId))
        throw new ConflictError(`storefront ${storefront.storefrontId} exists`);
      items.set(storefront.storefrontId, structuredClone(storefront));
    },
    async get(storefrontId) {
      const storefront = items.get(storefrontId);
      return storefront && structuredClone(storefront);
    },
  };
  return Object.assign(repository, { items });
}

/** For unit tests: API keys by name, each in the plan once, as API Gateway keeps them. */
export function makeInMemoryStorefrontApiKeys() {
  const keys = new Map<string, { id: string; value: string }>();
  const apiKeys: StorefrontApiKeys = {
    async ensure(name, newValue) {
      const existing = keys.get(name);
      if (existing) return existing;
      const key = { id: `key${keys.size + 1}`, value: newValue() };
      keys.set(name, key);
      return key;
    },
  };
  return Object.assign(apiKeys, { keys });
}

/** For unit tests: the webhook inbox on a Map, keeping the first delivery of each id. */
export function makeInMemoryWebhookInbox() {
  const deliveries = new Map<string, WebhookDelivery>();
  const id = (storefrontId: string, deliveryId: string) => `${storefrontId}#${deliveryId}`;
  const inbox: WebhookInbox = {
    async keep(delivery) {
      const key = id(delivery.storefrontId, delivery.deliveryId);
      if (deliveries.has(key)) return 'duplicate';
      deliveries.set(key, structuredClone(delivery));
      return 'kept';
    },
    async get(storefrontId, deliveryId) {
      const delivery = deliveries.get(id(storefrontId, deliveryId));
      return delivery && structuredClone(delivery);
    },
  };
  return Object.assign(inbox, { deliveries });
}
