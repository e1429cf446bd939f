/** DynamoDB's LastEvaluatedKey as an opaque, URL-safe page token, and back. */
export function encodeToken(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeToken(token: string | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: a token we did not make
  }
  throw new InvalidPageTokenError();
}

export class InvalidPageTokenError extends Error {
  override name = 'InvalidPageTokenError';
  constructor() {
    super('nextToken is not a token this API returned');
  }
}
