import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { z } from 'zod';
import { InvalidInputError } from '../errors';

/** The JSON body, parsed and validated; the first problem names its field. Nothing is written before this. */
export function parseBody<T extends z.ZodType>(event: APIGatewayProxyEvent, schema: T): z.infer<T> {
  if (!event.body) throw new InvalidInputError('the request needs a JSON body', undefined, 'INVALID_BODY');
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidInputError('the body is not valid JSON', undefined, 'MALFORMED_JSON');
  }
  return parseWith(schema, value);
}

export function pathParam<T extends z.ZodType>(
  event: APIGatewayProxyEvent,
  name: string,
  schema: T,
): z.infer<T> {
  const value = event.pathParameters?.[name];
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(`${name} ${result.error.issues[0].message}`, name);
  return result.data;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  // reportInput tells a missing field (input undefined) from a wrong one.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  const message = describeIssue(issue, field);
  throw new InvalidInputError(message, field || undefined);
}

function describeIssue(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return field ? `${field} is required` : 'the body must be a JSON object';
  if (issue.code === 'unrecognized_keys') {
    const where = field ? ` in ${field}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type') return `${field || 'the body'} must be ${article(issue.expected)}`;
  return field ? `${field} ${issue.message}` : issue.message;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
