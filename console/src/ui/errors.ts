import type { ApiError } from '../shell/contract';

const isApiError = (error: unknown): error is ApiError =>
  typeof error === 'object' && error !== null && 'status' in error && 'message' in error;

/** What to tell the person about a failed call: the API's own message (and the field it names). */
export function errorText(error: unknown): string {
  if (isApiError(error)) return error.field ? `${error.message} (${error.field})` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The HTTP status of a failed call, when the API answered one. */
export const errorStatus = (error: unknown): number | undefined =>
  isApiError(error) ? error.status : undefined;
