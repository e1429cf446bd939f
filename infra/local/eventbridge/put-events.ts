import { validationError } from './json-protocol';

/**
 * PutEvents' checks and the event it builds, with AWS' codes and messages: the request fails as a
 * whole (ValidationException) for no entries, more than 10, or more than 256 KB of entries; an entry
 * fails alone (ErrorCode/ErrorMessage in its result) for a missing Source, DetailType or Detail, a
 * Detail that is not a JSON object, or a bus that does not exist.
 */

/** The event as a rule's target (a Lambda function) receives it. */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

export interface PutEventsRequestEntry {
  Time?: unknown;
  Source?: unknown;
  Resources?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
}

export type EntryResult =
  | { ok: true; busName: string; event: EventBridgeEvent }
  | { ok: false; errorCode: string; errorMessage: string };

export interface EntryContext {
  region: string;
  accountId: string;
  now: Date;
  newId: () => string;
  /** The bus an entry names (name or ARN), or undefined when it does not exist. */
  resolveBus: (nameOrArn: string | undefined) => string | undefined;
}

export const MAX_ENTRIES = 10;
export const MAX_ENTRIES_BYTES = 256 * 1024;

/** The entries of a request, or a ValidationException for the request as a whole. */
export function requestEntries(body: Record<string, unknown>): PutEventsRequestEntry[] {
  const entries = body.Entries;
  if (entries === undefined || entries === null) {
    throw validationError(
      "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== 'object' || entry === null)) {
    throw validationError(
      "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must be a list of entries",
    );
  }
  if (entries.length < 1) {
    throw validationError(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > MAX_ENTRIES) {
    throw validationError(
      `1 validation error detected: Value with ${entries.length} entries at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES}`,
    );
  }
  const typed = entries as PutEventsRequestEntry[];
  if (typed.reduce((total, entry) => total + entrySize(entry), 0) > MAX_ENTRIES_BYTES) {
    throw validationError('Total size of the entries in the request is over the limit.');
  }
  return typed;
}

// As AWS documents it: Time counts 14 bytes; Source, DetailType, Detail and each resource their UTF-8 bytes.
function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (x: unknown) => (typeof x === 'string' ? Buffer.byteLength(x) : 0);
  const resources = Array.isArray(entry.Resources) ? entry.Resources : [];
  return (
    (entry.Time === undefined || entry.Time === null ? 0 : 14) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    resources.reduce((total: number, resource) => total + bytes(resource), 0)
  );
}

export function acceptEntry(entry: PutEventsRequestEntry, context: EntryContext): EntryResult {
  for (const name of ['Source', 'DetailType', 'Detail'] as const) {
    const value = entry[name];
    if (typeof value !== 'string' || value === '') {
      return invalid(`Parameter ${name} is not valid. Reason: ${name} is a required argument.`);
    }
  }
  const detail = parseDetail(entry.Detail as string);
  if (!detail) return { ok: false, errorCode: 'MalformedDetail', errorMessage: 'Detail is malformed.' };
  const resources = entry.Resources ?? [];
  if (!Array.isArray(resources) || resources.some((resource) => typeof resource !== 'string')) {
    return invalid('Parameter Resources is not valid. Reason: Resources must be a list of strings.');
  }
  const time = eventTime(entry.Time, context.now);
  if (!time) return invalid('Parameter Time is not valid. Reason: Time must be a timestamp.');
  const busRef = typeof entry.EventBusName === 'string' ? entry.EventBusName : undefined;
  const busName = context.resolveBus(busRef);
  if (!busName) {
    return invalid(`Parameter EventBusName is not valid. Reason: Event bus ${busRef} does not exist.`);
  }
  return {
    ok: true,
    busName,
    event: {
      version: '0',
      id: context.newId(),
      'detail-type': entry.DetailType as string,
      source: entry.Source as string,
      account: context.accountId,
      time,
      region: context.region,
      resources: resources as string[],
      detail,
    },
  };
}

function invalid(errorMessage: string): EntryResult {
  return { ok: false, errorCode: 'InvalidArgument', errorMessage };
}

function parseDetail(text: string): Record<string, unknown> | undefined {
  try {
    const detail: unknown = JSON.parse(text);
    if (typeof detail === 'object' && detail !== null && !Array.isArray(detail)) {
      return detail as Record<string, unknown>;
    }
  } catch {
    // malformed JSON: answered as MalformedDetail
  }
  return undefined;
}

/** The SDK sends Time as epoch seconds; events carry it as `2017-12-22T18:43:48Z` (no milliseconds). */
function eventTime(time: unknown, now: Date): string | undefined {
  let date = now;
  if (typeof time === 'number') date = new Date(time * 1000);
  else if (typeof time === 'string') date = new Date(time);
  else if (time !== undefined && time !== null) return undefined;
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
