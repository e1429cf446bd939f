import type { $ZodIssue } from 'zod/v4/core';
import * as z from '../zod-mini';

/**
 * Parses a webhook body with its contract, turning every issue into a sentence that names the field
 * as the shop does (`line_items.0.quantity must be a number; got "2"`), so the person reading the
 * rejected delivery can find it in the shop's payload.
 */
export function parsePayload<T extends z.ZodMiniType>(
  schema: T,
  payload: unknown,
): { ok: true; value: z.infer<T> } | { ok: false; problems: string[] } {
  // reportInput tells a missing field (input undefined) from a wrong one.
  const result = z.safeParse(schema, payload, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map(describe) };
}

function describe(issue: $ZodIssue): string {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type') {
    if (!field) return `the body must be a JSON ${issue.expected}`;
    if (issue.input === undefined) return `${field} is missing`;
    return `${field} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}; got ${shown(issue.input)}`;
  }
  return field ? `${field}: ${issue.message}` : issue.message;
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}
