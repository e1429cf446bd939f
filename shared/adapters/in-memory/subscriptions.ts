import type { Subscription } from '../../domain/subscription';
import { ConcurrentUpdateError, ConflictError, NotFoundError } from '../../errors';
import type { SubscriptionRepository } from '../../ports/subscriptions';

/** For unit tests: subscriptions on a Map, with the DynamoDB adapter's conditions. */
export function makeInMemorySubscriptionRepository(initial: Subscription[] = []) {
  const items = new Map(initial.map((s) => [s.subscriptionId, structuredClone(s)]));
  const repository: SubscriptionRepository = {
    async create(subscription) {
      if (items.has(subscription.subscriptionId))
        throw new ConflictError(`subscription ${subscription.subscriptionId} exists`);
      items.set(subscription.subscriptionId, structuredClone(subscription));
    },
    async get(subscriptionId) {
      const item = items.get(subscriptionId);
      return item && structuredClone(item);
    },
    async save(subscription) {
      const stored = items.get(subscription.subscriptionId);
      if (!stored) throw new NotFoundError(`subscription ${subscription.subscriptionId} not found`);
      if (stored.version !== subscription.version - 1)
        throw new ConcurrentUpdateError(`subscription ${subscription.subscriptionId} changed`);
      items.set(subscription.subscriptionId, structuredClone(subscription));
    },
    async delete(subscriptionId) {
      return items.delete(subscriptionId);
    },
    async listByDepartment(department) {
      return [...items.values()].filter((s) => s.department === department).map((s) => structuredClone(s));
    },
  };
  return Object.assign(repository, { items });
}
