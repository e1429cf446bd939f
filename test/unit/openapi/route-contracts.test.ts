import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { $ZodType } from 'zod/v4/core';
import { topology } from '../../../infra/topology';
import { routeContracts, routeKey, routesWithoutContract } from '../../../infra/topology/route-contracts';
import * as common from '../../../shared/contracts/common';
import * as customerInsights from '../../../shared/contracts/customer-insights';
import * as customerProfile from '../../../shared/contracts/customer-profile';
import * as customers from '../../../shared/contracts/customers';
import * as documents from '../../../shared/contracts/documents';
import * as escalationSettings from '../../../shared/contracts/escalation-settings';
import * as finance from '../../../shared/contracts/finance';
import * as inquiries from '../../../shared/contracts/inquiries';
import * as inventory from '../../../shared/contracts/inventory';
import * as orderActions from '../../../shared/contracts/order-actions';
import * as orders from '../../../shared/contracts/orders';
import * as pricingSettings from '../../../shared/contracts/pricing-settings';
import * as procurement from '../../../shared/contracts/procurement';
import * as quotes from '../../../shared/contracts/quotes';
import * as staff from '../../../shared/contracts/staff';
import * as storefronts from '../../../shared/contracts/storefronts';
import * as subscriptions from '../../../shared/contracts/subscriptions';
import * as trackingPage from '../../../shared/contracts/tracking-page';

/**
 * The route contracts (infra/topology/route-contracts.ts) against routes.ts and the handlers: one
 * entry per route, and the schemas and Idempotency-Key of each entry the ones its handler uses.
 */

const ROOT = join(__dirname, '../../..');
const routes = topology.api.routes;

/** Each contract schema's exported name, to find it in the handler's source. */
const schemaNames = new Map<unknown, string>(
  [
    common,
    customerInsights,
    customerProfile,
    customers,
    documents,
    escalationSettings,
    finance,
    inquiries,
    inventory,
    orderActions,
    orders,
    procurement,
    pricingSettings,
    quotes,
    staff,
    storefronts,
    subscriptions,
    trackingPage,
  ].flatMap((module) => Object.entries(module).map(([name, value]) => [value, name] as [unknown, string])),
);

/** The handler's source, with the shared composition root it delegates to (`./order-action-handler`). */
function handlerSource(fn: string): string {
  const entry = topology.functions[fn]?.entry ?? `functions/api/${fn}.ts`;
  const source = readFileSync(join(ROOT, entry), 'utf8');
  const local = [...source.matchAll(/from '\.\/([\w-]+)'/g)].map(([, file]) =>
    readFileSync(join(ROOT, 'functions/api', `${file}.ts`), 'utf8'),
  );
  return [source, ...local].join('\n');
}

function nameOf(schema: $ZodType): string {
  const name = schemaNames.get(schema);
  if (!name) throw new Error('a contract schema is not exported from shared/contracts');
  return name;
}

describe('route contracts', () => {
  it('has an entry for every route of routes.ts (add one in infra/topology/route-contracts.ts)', () => {
    // Act
    const missing = routesWithoutContract(routes);
    // Assess
    expect(missing).toEqual([]);
  });

  it('has no entry for a route that is not in routes.ts', () => {
    // Prepare
    const declared = new Set(routes.map(routeKey));
    // Act
    const stale = Object.keys(routeContracts).filter((key) => !declared.has(key));
    // Assess
    expect(stale).toEqual([]);
  });

  describe.each(routes.filter((route) => routeContracts[routeKey(route)]))('$method $path', (route) => {
    // Prepare
    const contract = routeContracts[routeKey(route)];
    const source = handlerSource(route.function);

    it('gives a schema for exactly the parameters of its path', () => {
      // Act
      const names = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map(([, name]) => name);
      // Assess
      expect(Object.keys(contract.pathParams ?? {}).sort()).toEqual(names.sort());
    });

    it("names the handler's own body, path and query schemas", () => {
      // Prepare
      const schemas = [contract.body, contract.query, ...Object.values(contract.pathParams ?? {})];
      // Act
      const names = schemas.filter((schema): schema is $ZodType => schema !== undefined).map(nameOf);
      // Assess
      for (const name of names) expect(source).toMatch(new RegExp(`\\b${name}\\b`));
    });

    it('takes no body on a GET', () => {
      // Assess
      if (route.method === 'GET') expect(contract.body).toBeUndefined();
    });

    it('declares Idempotency-Key exactly when the handler honours it', () => {
      // Act
      const honours = /idempotentApi\(|orderActionHandler\(/.test(source);
      // Assess
      expect(contract.idempotent === true).toBe(honours);
    });

    it('answers a success with a body schema, and an example its handler takes', () => {
      // Act
      const successes = Object.entries(contract.responses).filter(([status]) => Number(status) < 300);
      // Assess
      expect(successes.length).toBeGreaterThan(0);
      if (contract.body) expect(contract.example).toBeDefined();
    });
  });
});
