import { EVENT_TYPES } from '../contracts/events';
import { DEPARTMENTS, type Department, isDepartment } from '../email/department/next-steps';
import type { FeedMessage } from './feed-message';

/** What a connection asked to see; an absent list means everything. */
export interface FeedFilter {
  departments?: Department[];
  types?: string[];
}

export type FeedFilterParse =
  | { ok: true; filter: FeedFilter }
  | { ok: false; field: string; message: string };

/**
 * The filters given at connect as query parameters, comma-separated: `departments=finance,sales`,
 * `types=CreditHeld,OrderStalled`. Unknown names are refused (a typo would otherwise show nothing).
 */
export function parseFeedFilter(
  query: Record<string, string | undefined> | null | undefined,
): FeedFilterParse {
  const filter: FeedFilter = {};
  const departments = list(query?.departments);
  if (departments) {
    const unknown = departments.filter((name) => !isDepartment(name));
    if (unknown.length) return refuse('departments', unknown, DEPARTMENTS);
    filter.departments = departments as Department[];
  }
  const types = list(query?.types);
  if (types) {
    const unknown = types.filter((name) => !Object.hasOwn(EVENT_TYPES, name));
    if (unknown.length) return refuse('types', unknown, Object.keys(EVENT_TYPES));
    filter.types = types;
  }
  return { ok: true, filter };
}

/** A message passes when its type is asked for and it concerns one of the departments asked for. */
export function matchesFeedFilter(
  filter: FeedFilter,
  message: Pick<FeedMessage, 'type' | 'departments'>,
): boolean {
  if (filter.types && !filter.types.includes(message.type)) return false;
  if (filter.departments && !message.departments.some((d) => filter.departments?.includes(d))) return false;
  return true;
}

function list(value: string | undefined): string[] | undefined {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length ? [...new Set(names)] : undefined;
}

function refuse(field: string, unknown: string[], known: readonly string[]): FeedFilterParse {
  return {
    ok: false,
    field,
    message: `unknown ${field}: ${unknown.join(', ')} (known: ${known.join(', ')})`,
  };
}
