import type { Department, Subscription } from '../domain/subscription';

export interface SubscriptionRepository {
  /** Stores a new subscription; throws ConflictError if the id exists. */
  create(subscription: Subscription): Promise<void>;
  get(subscriptionId: string): Promise<Subscription | undefined>;
  /**
   * Writes the subscription if its stored version is `subscription.version - 1`; else throws
   * ConcurrentUpdateError (NotFoundError when it is gone).
   */
  save(subscription: Subscription): Promise<void>;
  /** Deletes it; false when there was none. */
  delete(subscriptionId: string): Promise<boolean>;
  /** A department's subscriptions, enabled or not (a department has a handful). */
  listByDepartment(department: Department): Promise<Subscription[]>;
}
