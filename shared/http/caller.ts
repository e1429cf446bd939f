import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Actor } from '../domain/order';
import { ForbiddenError } from '../errors';

/**
 * Who is calling, as the authorizer established it (API Gateway passes the authorizer's context on
 * `requestContext.authorizer`; the local adapter does the same).
 */
export interface Caller extends Actor {
  kind: 'storefront' | 'staff';
}

export function callerOf(event: APIGatewayProxyEvent): Caller {
  const context = event.requestContext.authorizer ?? {};
  const kind = context.kind;
  const id = context.principalId;
  if ((kind !== 'storefront' && kind !== 'staff') || typeof id !== 'string') {
    throw new ForbiddenError('the request carries no authorized caller');
  }
  return kind === 'staff' ? { kind, id, role: String(context.role) } : { kind, id };
}
