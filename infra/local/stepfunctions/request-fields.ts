import { SfnApiError } from './api-error';
import type { JsonObject } from './json';

/** Reading fields of a JSON request body; a wrong type is a ValidationException, as AWS answers. */
export function requiredString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new SfnApiError('ValidationException', `1 validation error detected: '${field}' must not be null`);
  }
  return value;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SfnApiError('ValidationException', `'${field}' must be a string`);
  return value;
}

export function optionalNumber(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new SfnApiError('ValidationException', `'${field}' must be a number`);
  return value;
}

export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw new SfnApiError('ValidationException', `'${field}' must be a boolean`);
  return value;
}

/** One page of `items` for `maxResults`/`nextToken` (an opaque offset). */
export function paginate<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
): { page: T[]; nextToken?: string } {
  const size = maxResults === undefined || maxResults === 0 ? 100 : maxResults;
  if (size < 0 || size > 1000) throw new SfnApiError('ValidationException', "'maxResults' must be 0 to 1000");
  const start = nextToken === undefined ? 0 : Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw new SfnApiError('InvalidToken', 'Invalid nextToken');
  const end = start + size;
  const page = items.slice(start, end);
  return end < items.length ? { page, nextToken: Buffer.from(String(end)).toString('base64url') } : { page };
}
