import { DEPARTMENTS, type Department } from '../email/department/next-steps';
import type { Actor } from './order';
import type { StaffRole } from './staff-roles';

export { DEPARTMENTS, type Department };

/** Who else hears of a department's changes: a distribution list and/or a webhook, filtered. */
export interface SubscriptionFilters {
  /** Detail types (of those the department hears); all when absent. */
  eventTypes?: string[];
  customerIds?: string[];
  /** The order's ship-to country (ISO 3166-1 alpha-2): export teams split by destination market. */
  countries?: string[];
}

export interface SubscriptionWebhook {
  url: string;
  /** Signs each delivery (HMAC-SHA256). Kept in clear: signing needs it; shown only when made. */
  secret: string;
}

export interface Subscription {
  subscriptionId: string;
  department: Department;
  name: string;
  emails?: string[];
  webhook?: SubscriptionWebhook;
  filters: SubscriptionFilters;
  enabled: boolean;
  /** Starts at 1; every change writes `version + 1` on the condition that the stored one is `version`. */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: Actor;
  createdUnder?: { idempotencyKey: string; requestHash: string };
}

/** What an event says (or its order says) that filters test. Unknown facts match no filter on them. */
export interface EventFacts {
  type: string;
  customerId?: string;
  country?: string;
}

/** Every filter given must hold (AND); within one filter, any value (OR). */
export function subscriptionMatches(subscription: Subscription, facts: EventFacts): boolean {
  if (!subscription.enabled) return false;
  const { eventTypes, customerIds, countries } = subscription.filters;
  const holds = (values: string[] | undefined, fact: string | undefined) =>
    values === undefined || (fact !== undefined && values.includes(fact));
  return (
    holds(eventTypes, facts.type) && holds(customerIds, facts.customerId) && holds(countries, facts.country)
  );
}

/** Whether any filter needs the order's facts (customer, country) beyond the event's type. */
export function needsOrderFacts(subscriptions: Subscription[]): boolean {
  return subscriptions.some((s) => s.enabled && (s.filters.customerIds || s.filters.countries));
}

/** The staff role that works for each department (production's is the warehouse). */
export const DEPARTMENT_ROLE: Record<Department, StaffRole> = {
  sales: 'sales',
  finance: 'finance',
  procurement: 'procurement',
  production: 'warehouse',
  logistics: 'logistics',
};

/** Admin manages every department's subscriptions; a department's own role manages its own. */
export function mayManage(role: string | undefined, department: Department): boolean {
  return role === 'admin' || role === DEPARTMENT_ROLE[department];
}

/** The department a role manages by default (admin manages all: none). */
export function departmentOfRole(role: string | undefined): Department | undefined {
  return DEPARTMENTS.find((department) => DEPARTMENT_ROLE[department] === role);
}
