/** DynamoDB's LastEvaluatedKey as an opaque, URL-safe page token, and back. */
export function encodeToken(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * The key a token stands for. `keyNames` (the table's and the index's key attributes) refuses a token
 * made by another listing, which DynamoDB would otherwise answer with a server error.
 */
export function decodeToken(
  token: string | undefined,
  keyNames?: readonly string[],
): Record<string, unknown> | undefined {
  if (!token) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidPageTokenError();
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidPageTokenError();
  const key = value as Record<string, unknown>;
  if (keyNames) {
    const names = Object.keys(key).sort();
    const fits =
      names.length === keyNames.length &&
      [...keyNames].sort().every((name, i) => name === names[i] && typeof key[name] === 'string');
    if (!fits) throw new InvalidPageTokenError();
  }
  return key;
}

export class InvalidPageTokenError extends Error {
  override name = 'InvalidPageTokenError';
  constructor() {
    super('nextToken is not a token this API returned');
  }
}
