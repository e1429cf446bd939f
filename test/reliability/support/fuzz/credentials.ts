import fc from 'fast-check';
import type { RouteSpec } from '../../../../infra/topology/types';
import { isOpenRoute, STAFF_ROLES, type StaffRole } from '../../../../infra/topology/types';

/** The runtime's credentials (its `local.json`): the storefront API key and a staff token per role. */
export interface Secrets {
  apiKey: string;
  staffTokens: Record<StaffRole, string>;
}

export type Header = [string, string];

/**
 * Who may call the route, by the topology: the storefront key and each allowed role's token; a
 * shop's webhook route takes no credential (its signature is over the body).
 */
export function allowedCredentials(route: RouteSpec, secrets: Secrets): Header[][] {
  if (isOpenRoute(route.callers)) return [[]];
  return [
    ...(route.callers.storefront ? [[['x-api-key', secrets.apiKey] as Header]] : []),
    ...(route.callers.staff ?? []).map((role) => [
      ['authorization', `Bearer ${secrets.staffTokens[role]}`] as Header,
    ]),
  ];
}

const token = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 80 }).filter((s) => !/\s/.test(s));

/**
 * Credentials the route must refuse: none, unknown or malformed ones, and real ones of callers the
 * topology does not list for the route.
 */
export function refusedCredentials(route: RouteSpec, secrets: Secrets): fc.Arbitrary<Header[]> {
  const otherRoles = STAFF_ROLES.filter((role) => !route.callers.staff?.includes(role));
  const choices: fc.Arbitrary<Header[]>[] = [
    fc.constant([]),
    token.map((value): Header[] => [['x-api-key', `tfk_${value}`]]),
    fc.constant<Header[]>([['x-api-key', '']]),
    token.map((value): Header[] => [['authorization', `Bearer tfs_finance_${value}`]]),
    fc
      .constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Token x', 'Bearer\ttab', 'null')
      .map((value): Header[] => [['authorization', value]]),
    fc.constant<Header[]>([['x-api-key', secrets.apiKey.toUpperCase()]]),
    fc.constant<Header[]>([['authorization', `Bearer ${secrets.staffTokens.finance.slice(0, -1)}`]]),
  ];
  if (otherRoles.length)
    choices.push(
      fc
        .constantFrom(...otherRoles)
        .map((role): Header[] => [['authorization', `Bearer ${secrets.staffTokens[role]}`]]),
    );
  if (!route.callers.storefront) choices.push(fc.constant<Header[]>([['x-api-key', secrets.apiKey]]));
  return fc.oneof(...choices);
}

/** Real credentials sent the wrong way round: the API may take them or not, but must not fail. */
export function oddCredentials(secrets: Secrets): fc.Arbitrary<Header[]> {
  return fc.oneof(
    fc.constantFrom(...STAFF_ROLES).map((role): Header[] => [['x-api-key', secrets.staffTokens[role]]]),
    fc.constant<Header[]>([['authorization', `Bearer ${secrets.apiKey}`]]),
    fc.constantFrom(...STAFF_ROLES).map((role): Header[] => [
      ['x-api-key', secrets.apiKey],
      ['authorization', `Bearer ${secrets.staffTokens[role]}`],
    ]),
    fc
      .constantFrom(...STAFF_ROLES)
      .map((role): Header[] => [['authorization', `bearer   ${secrets.staffTokens[role]}`]]),
  );
}
