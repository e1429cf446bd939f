import type { Actor } from '../domain/order';
import { type Department, departmentOfRole, type Subscription } from '../domain/subscription';
import { InvalidInputError, NotFoundError } from '../errors';
import type { SubscriptionRepository } from '../ports/subscriptions';
import { assertMayManage } from './subscription-rules';

/** GET /subscriptions/{id}: one the caller may manage. */
export function makeGetSubscription(deps: { subscriptions: SubscriptionRepository }) {
  return async (subscriptionId: string, by: Actor): Promise<Subscription> => {
    const subscription = await deps.subscriptions.get(subscriptionId);
    if (!subscription) throw new NotFoundError(`subscription ${subscriptionId} not found`);
    assertMayManage(by, subscription.department);
    return subscription;
  };
}

/** GET /subscriptions?department=: a department's; the caller's own department when not named. */
export function makeListSubscriptions(deps: { subscriptions: SubscriptionRepository }) {
  return async (query: { department?: Department }, by: Actor): Promise<Subscription[]> => {
    const department = query.department ?? departmentOfRole(by.role);
    if (!department) throw new InvalidInputError('name the department: ?department=', 'department');
    assertMayManage(by, department);
    const all = await deps.subscriptions.listByDepartment(department);
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };
}
