/**
 * A customer as the CRM answers it (`GET /customers/{id}`, `/insights`, `/communications`,
 * `/credit`), and the PATCH body of a profile edit: only what changed, with the version read.
 * Pure, for the pages and their tests.
 */

import type { Money } from '../../ui/format';

export interface PaymentTerms {
  type: string;
  depositPercent?: number;
  days?: number;
  netDays?: number;
}

export interface Customer {
  customerId: string;
  name: string;
  email: string;
  country: string;
  company?: string;
  language: string;
  currency?: string;
  creditLimit?: Money;
  paymentTerms?: PaymentTerms;
  contacts?: { name: string; role?: string; email?: string; phone?: string }[];
  addresses?: {
    kind: string;
    name?: string;
    line1: string;
    line2?: string;
    city: string;
    postalCode?: string;
    region?: string;
    country: string;
  }[];
  tags?: string[];
  owner?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The profile fields the edit form offers, as text. */
export const PROFILE_FIELDS = [
  'name',
  'email',
  'company',
  'country',
  'language',
  'currency',
  'owner',
  'tags',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Tags typed as "key account, asia" → ["key account", "asia"] (blank and repeated ones dropped). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
    ),
  ];
}

export const formatTags = (tags: readonly string[] | undefined) => (tags ?? []).join(', ');

const UPPER: readonly ProfileField[] = ['country', 'currency'];

/**
 * `PATCH /customers/{id}`: the fields whose text differs from the profile, and the version read. A
 * field emptied is left as it is (the API has no "remove" for these); undefined when nothing changed.
 */
export function profilePatch(
  customer: Customer,
  values: Partial<Record<ProfileField, string>>,
):
  | (Partial<Record<Exclude<ProfileField, 'tags'>, string>> & { tags?: string[]; version: number })
  | undefined {
  const patch: Record<string, string | string[]> = {};
  for (const field of PROFILE_FIELDS) {
    const raw = values[field];
    if (raw === undefined) continue;
    if (field === 'tags') {
      const tags = parseTags(raw);
      if (formatTags(tags) !== formatTags(customer.tags)) patch.tags = tags;
      continue;
    }
    const text = UPPER.includes(field) ? raw.trim().toUpperCase() : raw.trim();
    if (text === '' || text === (customer[field] ?? '')) continue;
    patch[field] = text;
  }
  return Object.keys(patch).length === 0 ? undefined : { ...patch, version: customer.version };
}

export interface Insights {
  customerId: string;
  asOf: string;
  orders: { count: number; cancelled: number; firstAt?: string; lastAt?: string };
  lifetimeRevenue: Money[];
  averageOrderValue: Money[];
  inCompanyCurrency?: {
    currency: string;
    lifetimeRevenue?: Money;
    averageOrderValue?: Money;
    unavailable?: string;
  };
  averageDaysBetweenOrders: number | null;
  nextOrder: { predictedAt: string | null; daysOverdue: number | null; method: string };
  quotes: {
    sent: number;
    accepted: number;
    expired: number;
    lost: number;
    decided: number;
    winRate: number | null;
    acceptedPerSent: number | null;
    definition: string;
  };
  inquiries: { count: number; lost: number };
  openExposure: { outstanding: Money[]; creditLimit?: Money; headroom?: Money; basis: string };
}

/** Where the next order stands: none predicted, expected, or late by some days. */
export function nextOrderState(
  insights: Pick<Insights, 'nextOrder'>,
): { state: 'unknown' } | { state: 'expected'; at: string } | { state: 'late'; at: string; days: number } {
  const { predictedAt, daysOverdue } = insights.nextOrder;
  if (!predictedAt) return { state: 'unknown' };
  if (daysOverdue !== null && daysOverdue > 0) return { state: 'late', at: predictedAt, days: daysOverdue };
  return { state: 'expected', at: predictedAt };
}

export interface Communication {
  entryId: string;
  at: string;
  kind: string;
  direction: string;
  subject: string;
  summary?: string;
  refs?: { orderId?: string; inquiryId?: string; quoteId?: string };
  by: string;
}

export interface CustomerCredit {
  customerId: string;
  version: number;
  creditLimit?: Money;
  paymentTerms?: PaymentTerms;
  history: {
    version: number;
    at: string;
    by: { kind: string; id: string; role?: string };
    before: { creditLimit?: Money; paymentTerms?: PaymentTerms };
    after: { creditLimit?: Money; paymentTerms?: PaymentTerms };
    note?: string;
  }[];
}

/** Payment terms in short: "TT 30%", "OA 60", "DA 90", "LC". */
export function termsText(terms: PaymentTerms | undefined): string {
  if (!terms) return '—';
  if (terms.type === 'TT') return `TT ${terms.depositPercent ?? 0}%`;
  if (terms.type === 'OA') return `OA ${terms.netDays ?? ''}`.trim();
  if (terms.type === 'DA') return `DA ${terms.days ?? ''}`.trim();
  return terms.type;
}
