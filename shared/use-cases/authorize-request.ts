import { routes } from '../../infra/topology/routes';
import type { RouteSpec } from '../../infra/topology/types';
import type { Credential, CredentialStore } from '../ports/credentials';

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

/**
 * Finds the caller's credential and allows exactly the routes the topology lists for it. The policy
 * names every allowed route, so API Gateway answers 403 for the others without calling a function.
 * A missing, unknown or disabled credential gets a Deny: 403, as API Gateway answers a bad API key.
 */
export function makeAuthorizeRequest({ credentials }: { credentials: CredentialStore }) {
  return async (input: AuthorizationInput): Promise<Authorization> => {
    const secret = presentedSecret(input.headers);
    const credential = secret ? await credentials.findBySecret(secret) : undefined;
    const base = input.methodArn.split('/').slice(0, 2).join('/');
    if (!credential?.enabled) return deny(base);
    const allowed = routes.filter((route) => mayCall(credential, route));
    if (!allowed.length) return deny(base);
    return {
      principalId: credential.id,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: allowed.length ? 'Allow' : 'Deny',
            Resource: allowed.length
              ? allowed.map((route) => `${base}/${route.method}${resourcePattern(route.path)}`)
              : [`${base}/*`],
          },
        ],
      },
      context: { kind: credential.kind, ...(credential.kind === 'staff' ? { role: credential.role } : {}) },
      usageIdentifierKey: credential.usageKey,
    };
  };
}

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

function presentedSecret(headers: Record<string, string | undefined>): string | undefined {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const bearer = /^Bearer\s+(\S+)$/i.exec(lower.authorization ?? '');
  return bearer?.[1] ?? lower['x-api-key'] ?? undefined;
}

function mayCall(credential: Credential, route: RouteSpec): boolean {
  return credential.kind === 'storefront'
    ? Boolean(route.callers.storefront)
    : Boolean(route.callers.staff?.includes(credential.role));
}

/** `/orders/{id}` → `/orders/*`, as execute-api resource ARNs match path parameters. */
export function resourcePattern(path: string): string {
  return path.replace(/\{[^}]+\}/g, '*');
}
