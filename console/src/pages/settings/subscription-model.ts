/**
 * Department subscriptions (`/subscriptions`): the list's rows and the body a form makes for
 * `POST /subscriptions` or `PUT /subscriptions/{id}`. Pure, for the page and its tests.
 */

export interface Subscription {
  subscriptionId: string;
  department: string;
  name: string;
  emails?: string[];
  webhook?: { url: string; secret?: string };
  filters: { eventTypes?: string[]; customerIds?: string[]; countries?: string[] };
  enabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Values typed one per line or comma-separated → a list without blanks or repeats. */
export function parseList(
  text: string | undefined,
  transform: (value: string) => string = (v) => v,
): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(/[\n,]+/)
        .map((value) => transform(value.trim()))
        .filter((value) => value.length > 0),
    ),
  ];
}

export const listText = (values: readonly string[] | undefined) => (values ?? []).join(', ');

export interface SubscriptionBody {
  name: string;
  emails?: string[];
  webhook?: { url: string; secret?: string };
  filters: { eventTypes?: string[]; customerIds?: string[]; countries?: string[] };
  enabled: boolean;
}

/**
 * The settings a form describes. An empty list is left out (the API reads a missing filter as "all",
 * and refuses an empty one); a blank webhook secret is left out (the API makes one, or keeps the one
 * it has on a change).
 */
export function subscriptionBody(values: Record<string, string>, enabled: boolean): SubscriptionBody {
  const emails = parseList(values.emails);
  const url = values.webhookUrl?.trim();
  const secret = values.webhookSecret?.trim();
  const eventTypes = parseList(values.eventTypes);
  const customerIds = parseList(values.customerIds);
  const countries = parseList(values.countries, (value) => value.toUpperCase());
  return {
    name: (values.name ?? '').trim(),
    ...(emails.length > 0 ? { emails } : {}),
    ...(url ? { webhook: { url, ...(secret ? { secret } : {}) } } : {}),
    filters: {
      ...(eventTypes.length > 0 ? { eventTypes } : {}),
      ...(customerIds.length > 0 ? { customerIds } : {}),
      ...(countries.length > 0 ? { countries } : {}),
    },
    enabled,
  };
}

/** Which department's subscriptions a role manages: its own (warehouse is production's), or all (admin). */
export function departmentOf(role: string): string | undefined {
  if (role === 'admin') return undefined;
  if (role === 'warehouse') return 'production';
  return role;
}
