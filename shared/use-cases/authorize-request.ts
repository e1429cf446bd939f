import { routes } from '../../infra/topology/routes';
import type { RouteSpec } from '../../infra/topology/types';
import type { StaffRole } from '../domain/staff-roles';
import type { CredentialStore } from '../ports/credentials';
import type { StaffTokenVerifier } from '../ports/staff-tokens';

export interface AuthorizationInput {
  /** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path>` */
  methodArn: string;
  headers: Record<string, string | undefined>;
}

export interface Authorization {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: { Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string[] }[];
  };
  context: Record<string, string>;
  usageIdentifierKey: string;
}

export interface AuthorizeRequestDeps {
  /** Storefront API keys. */
  credentials: CredentialStore;
  /** Staff sign-in tokens (user pool access tokens). */
  staffTokens: StaffTokenVerifier;
  /** The API key all staff are metered under (the staff usage plan). */
  staffUsageKey: string;
  /** Told why a staff token was refused (an error name, nothing from the token). */
  onStaffTokenRefused?: (reason: string) => void;
}

type Caller = { id: string; usageKey: string } & (
  | { kind: 'storefront' }
  | { kind: 'staff'; role: StaffRole }
);

/**
 * Finds the caller and allows exactly the routes the topology lists for it. The policy names every
 * allowed route, so API Gateway answers 403 for the others without calling a function. A missing,
 * unknown, disabled or invalid credential gets a Deny: 403, as API Gateway answers a bad API key.
 * A bearer token shaped as a JWT is a staff token, verified with no lookup; any other secret is a
 * storefront key, looked up in the credential store.
 */
export function makeAuthorizeRequest(deps: AuthorizeRequestDeps) {
  const identify = async (headers: AuthorizationInput['headers']): Promise<Caller | undefined> => {
    const presented = presentedSecret(headers);
    if (!presented) return undefined;
    if (presented.bearer && JWT_SHAPE.test(presented.secret)) {
      const check = await deps.staffTokens.verify(presented.secret);
      if (!check.ok) {
        deps.onStaffTokenRefused?.(check.reason);
        return undefined;
      }
      const { sub, role } = check.staff;
      return { kind: 'staff', id: sub, role, usageKey: deps.staffUsageKey };
    }
    const credential = await deps.credentials.findBySecret(presented.secret);
    // Staff credentials of the table's past (`tfs_` tokens) may still be there: only storefronts count.
    if (credential?.kind !== 'storefront' || !credential.enabled) return undefined;
    return { kind: 'storefront', id: credential.id, usageKey: credential.usageKey };
  };

  return async (input: AuthorizationInput): Promise<Authorization> => {
    const base = input.methodArn.split('/').slice(0, 2).join('/');
    const caller = await identify(input.headers);
    if (!caller) return deny(base);
    const allowed = routes.filter((route) => mayCall(caller, route));
    if (!allowed.length) return deny(base);
    return {
      principalId: caller.id,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: 'Allow',
            Resource: allowed.map((route) => `${base}/${route.method}${resourcePattern(route.path)}`),
          },
        ],
      },
      context: { kind: caller.kind, ...(caller.kind === 'staff' ? { role: caller.role } : {}) },
      usageIdentifierKey: caller.usageKey,
    };
  };
}

/** header.payload.signature, base64url: what a JWT looks like (an empty signature too, to refuse it). */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function deny(base: string): Authorization {
  return {
    principalId: 'anonymous',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: [`${base}/*`] }],
    },
    context: { kind: 'anonymous' },
    usageIdentifierKey: '',
  };
}

function presentedSecret(
  headers: Record<string, string | undefined>,
): { secret: string; bearer: boolean } | undefined {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const bearer = /^Bearer\s+(\S+)$/i.exec(lower.authorization ?? '');
  if (bearer) return { secret: bearer[1], bearer: true };
  const apiKey = lower['x-api-key'];
  return apiKey ? { secret: apiKey, bearer: false } : undefined;
}

function mayCall(caller: Caller, route: RouteSpec): boolean {
  return caller.kind === 'storefront'
    ? Boolean(route.callers.storefront)
    : Boolean(route.callers.staff?.includes(caller.role));
}

/** `/orders/{id}` → `/orders/*`, as execute-api resource ARNs match path parameters. */
export function resourcePattern(path: string): string {
  return path.replace(/\{[^}]+\}/g, '*');
}
