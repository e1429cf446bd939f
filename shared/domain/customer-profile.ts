import type { Customer } from './customer';

/**
 * The CRM side of a customer: the people to talk to, where to bill and ship, how to label them and
 * who owns the relationship. Pure: a change is applied field by field and names what it changed.
 */
export interface CustomerContact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface CustomerAddress {
  kind: 'billing' | 'shipping';
  name?: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode?: string;
  region?: string;
  country: string;
}

/**
 * The sales rep who owns the relationship: their staff id (or a role, e.g. `sales`, for a team). A
 * plain string, as the CRM's lists and nudges read it (shared/ports/customer-owners.ts).
 */
export type CustomerOwner = string;

/** The fields of a customer that `PATCH /customers/{id}` may change. */
export const PROFILE_FIELDS = [
  'name',
  'email',
  'country',
  'company',
  'language',
  'currency',
  'creditLimit',
  'paymentTerms',
  'contacts',
  'addresses',
  'tags',
  'owner',
] as const satisfies readonly (keyof Customer)[];
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ProfileChange = Partial<Pick<Customer, ProfileField>>;

/**
 * The customer with the change applied, and the names of the fields whose value is now different
 * (a field sent with its current value is not a change). No change: the customer as it was.
 */
export function applyProfileChange(
  customer: Customer,
  change: ProfileChange,
  at: string,
): { customer: Customer; changed: ProfileField[] } {
  const changed = PROFILE_FIELDS.filter(
    (field) => field in change && change[field] !== undefined && !same(customer[field], change[field]),
  );
  if (!changed.length) return { customer, changed };
  const next: Customer = { ...customer, updatedAt: at, version: customer.version + 1 };
  for (const field of changed) Object.assign(next, { [field]: change[field] });
  return { customer: next, changed };
}

/** Equal as stored: the same JSON (objects compared with their keys in a stable order). */
function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
