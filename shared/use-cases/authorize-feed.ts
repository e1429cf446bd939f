import type { StaffRole } from '../domain/staff-roles';
import type { StaffTokenVerifier } from '../ports/staff-tokens';

export interface FeedAuthorization {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: { Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string[] }[];
  };
  context: Record<string, string>;
}

export interface AuthorizeFeedDeps {
  staffTokens: StaffTokenVerifier;
  /** Roles that may watch the feed. */
  roles: readonly StaffRole[];
  /** Told why a token was refused (an error name, nothing from the token). */
  onRefused?: (reason: string) => void;
}

/**
 * The feed's `$connect` authorizer: a staff token (the REST API's, checked by the same verifier)
 * passed in the query string, since browsers cannot set headers on a WebSocket or an EventSource.
 * Anything else, a storefront key included, gets a Deny: 403, as on the REST API.
 */
export function makeAuthorizeFeed(deps: AuthorizeFeedDeps) {
  return async (input: { methodArn: string; token: string | undefined }): Promise<FeedAuthorization> => {
    const check = input.token
      ? await deps.staffTokens.verify(input.token)
      : ({ ok: false, reason: 'NoToken' } as const);
    if (!check.ok) deps.onRefused?.(check.reason);
    const allowed = check.ok && deps.roles.includes(check.staff.role);
    return {
      principalId: check.ok ? check.staff.sub : 'anonymous',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: [input.methodArn] },
        ],
      },
      context: allowed && check.ok ? { kind: 'staff', role: check.staff.role } : { kind: 'anonymous' },
    };
  };
}
