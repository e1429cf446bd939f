import type { APIGatewayProxyEvent } from 'aws-lambda';
import { type $ZodIssue, type $ZodType, type output, safeParse } from 'zod/v4/core';
import { InvalidInputError } from '../errors';

/** The JSON body, parsed and validated; the first problem names its field. Nothing is written before this. */
export function parseBody<T extends $ZodType>(event: APIGatewayProxyEvent, schema: T): output<T> {
  if (!event.body) throw new InvalidInputError('the request needs a JSON body', undefined, 'INVALID_BODY');
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidInputError('the body is not valid JSON', undefined, 'MALFORMED_JSON');
  }
  refuseUnpairedSurrogates(text, value);
  return parseWith(schema, value);
}

/** Half of a UTF-16 pair, alone (`"\ud800"` is valid JSON): a character no UTF-8 store can keep. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Text must be Unicode: a lone surrogate would be stored as something else than was acknowledged
 * (DynamoDB keeps strings as UTF-8), or break an email or a document later. Names the field.
 */
function refuseUnpairedSurrogates(text: string, value: unknown): void {
  if (!SURROGATE_ESCAPE.test(text) && !UNPAIRED_SURROGATE.test(text)) return;
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length) {
    const [next, path] = pending.pop()!;
    if (typeof next === 'string' && UNPAIRED_SURROGATE.test(next)) throw unpaired(path);
    if (!next || typeof next !== 'object') continue;
    for (const [key, child] of Object.entries(next)) {
      if (UNPAIRED_SURROGATE.test(key)) throw unpaired(path);
      pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
}

function unpaired(field: string): InvalidInputError {
  const what = field || 'the body';
  return new InvalidInputError(
    `${what} holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its partner); send whole characters`,
    field || undefined,
  );
}

export function pathParam<T extends $ZodType>(
  event: APIGatewayProxyEvent,
  name: string,
  schema: T,
): output<T> {
  const value = event.pathParameters?.[name];
  const result = safeParse(schema, value);
  if (!result.success) throw new InvalidInputError(`${name} ${result.error.issues[0].message}`, name);
  return result.data;
}

export function parseWith<T extends $ZodType>(schema: T, value: unknown): output<T> {
  // reportInput tells a missing field (input undefined) from a wrong one.
  const result = safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.');
  const message = describeIssue(issue, field);
  throw new InvalidInputError(message, field || undefined);
}

function describeIssue(issue: $ZodIssue, field: string): string {
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
