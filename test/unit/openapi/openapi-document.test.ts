import { safeParse } from 'zod/v4/core';
import { topology } from '../../../infra/topology';
import { buildOpenApiDocument, IDEMPOTENCY_KEY } from '../../../infra/topology/openapi';
import { routeContracts, routeKey } from '../../../infra/topology/route-contracts';
import packageJson from '../../../package.json';
import { IDEMPOTENCY_HEADER, idempotencyKeyOf } from '../../../shared/http/idempotency';
import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { productBodies } from '../../fixtures/products';
import { requestBodyValidator, validateOpenApi } from './openapi-support';

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  'x-tradeflow-callers': { storefront: boolean; staff: string[] };
  parameters: ({ name: string; in: string } | { $ref: string })[];
  responses: Record<string, unknown>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('the OpenAPI document', () => {
  // Prepare
  const document = buildOpenApiDocument(topology);
  const routes = topology.api.routes;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        operation: operation as Operation,
      })),
  );

  it('is a valid OpenAPI 3.1 document', () => {
    // Act
    const result = validateOpenApi(document);
    // Assess
    expect(result.errors).toBeUndefined();
    expect(result).toMatchObject({ valid: true, version: '3.1' });
    expect(document).toMatchObject({ openapi: '3.1.0', info: { version: packageJson.version } });
  });

  it('has exactly one operation per route, and a route for every operation', () => {
    // Act
    const documented = operations.map(({ method, path }) => `${method} ${path}`).sort();
    // Assess
    expect(documented).toEqual(routes.map(routeKey).sort());
    expect(new Set(operations.map(({ operation }) => operation.operationId)).size).toBe(operations.length);
  });

  it.each(routes)('$method $path: its security and x-tradeflow-callers are its callers', (route) => {
    // Act
    const { operation } = operations.find((op) => op.method === route.method && op.path === route.path)!;
    // Assess
    expect(operation['x-tradeflow-callers']).toMatchObject({
      storefront: route.callers.storefront === true,
      staff: [...(route.callers.staff ?? [])],
    });
    const schemes = operation.security.flatMap(Object.keys).sort();
    const expected = [
      ...(route.callers.storefront ? ['storefrontApiKey'] : []),
      ...(route.callers.staff?.length ? ['staffBearer'] : []),
    ].sort();
    expect(schemes).toEqual(expected);
  });

  it('declares the two credentials: x-api-key for storefronts, a bearer token for staff', () => {
    // Assess
    expect(document.components).toMatchObject({
      securitySchemes: {
        storefrontApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        staffBearer: { type: 'http', scheme: 'bearer' },
      },
    });
  });

  it('documents the problem answers with the error body', () => {
    // Prepare
    const { operation } = operations.find(
      (op) => op.method === 'POST' && op.path === '/orders/{id}/payments',
    )!;
    // Assess
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422', '429']),
    );
    expect(operation.responses[404]).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
  });

  it('offers Idempotency-Key on the routes that honour it, as the handlers read it', () => {
    // Prepare
    const event = (key: string) => ({ headers: { [IDEMPOTENCY_HEADER.toLowerCase()]: key } }) as never;
    // Act
    const idempotent = operations.filter(({ operation }) =>
      operation.parameters.some((p) => '$ref' in p && p.$ref.endsWith('/IdempotencyKey')),
    );
    // Assess
    expect(idempotent.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(
      Object.entries(routeContracts)
        .filter(([, contract]) => contract.idempotent)
        .map(([key]) => key)
        .filter((key) => routes.some((route) => routeKey(route) === key))
        .sort(),
    );
    expect(IDEMPOTENCY_KEY.name).toBe(IDEMPOTENCY_HEADER);
    expect(idempotencyKeyOf(event('k'.repeat(IDEMPOTENCY_KEY.schema.maxLength)))).toBeDefined();
    expect(() => idempotencyKeyOf(event('k'.repeat(IDEMPOTENCY_KEY.schema.maxLength + 1)))).toThrow();
  });

  it('uses {name} path templates with a required path parameter each', () => {
    // Assess
    for (const { path, operation } of operations) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      const inPath = operation.parameters
        .filter((p) => 'in' in p && p.in === 'path')
        .map((p) => (p as { name: string }).name);
      expect(inPath.sort()).toEqual(names.sort());
    }
  });

  describe('example bodies', () => {
    // Prepare
    const examples: [string, string, unknown][] = [
      ['POST', '/customers', customerBody],
      ['POST', '/orders', orderBody('cus_01JD0000000000000000000001')],
      ...productBodies.map((body): [string, string, unknown] => ['POST', '/products', body]),
      ...Object.entries(routeContracts)
        .filter(([, contract]) => contract.example !== undefined)
        .map(([key, contract]): [string, string, unknown] => [
          ...(key.split(' ') as [string, string]),
          contract.example,
        ]),
    ];

    it.each(examples)('%s %s: the example fits the document and the handler', (method, path, body) => {
      // Prepare
      const validate = requestBodyValidator(document, path, method);
      const schema = routeContracts[`${method} ${path}`].body!;
      // Act
      const valid = validate(body);
      // Assess
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(safeParse(schema, body).success).toBe(true);
    });
  });

  it('names the local server when asked, and a placeholder for the deployed API otherwise', () => {
    // Act
    const local = buildOpenApiDocument(topology, { serverUrl: 'http://127.0.0.1:3000' });
    // Assess
    expect(local.servers).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:3000' })]);
    expect(document.servers).toEqual([
      expect.objectContaining({ url: expect.stringContaining(`/${topology.api.stage}`) }),
    ]);
  });
});
