import Ajv04 from 'ajv-draft-04';
import { safeParse } from 'zod/v4/core';
import { topology } from '../../../infra/topology';
import { gatewayBodySchema } from '../../../infra/topology/openapi-gateway';
import { routeContracts, routeKey } from '../../../infra/topology/route-contracts';
import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { productBodies } from '../../fixtures/products';

/**
 * API Gateway's body models (draft 4) must never refuse a body the handler's zod schema accepts: the
 * examples, the fixtures and bodies at zod's edges go through a draft-4 validator (ajv-draft-04;
 * API Gateway's own is Java's, so the keywords the two might read differently must be gone too).
 */

const modelled = topology.api.routes.filter((route) => route.bodySchema);
const draft4 = new Ajv04({ strict: false, allErrors: true });

/** Every keyword used anywhere in a schema. */
function keywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keywords(item, found);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      // `properties` maps field names, which are not keywords.
      if (key !== 'properties') found.add(key);
      keywords(key === 'properties' ? Object.values(value as object) : value, found);
    }
  return found;
}

/** Bodies zod accepts that a naive model would refuse. */
const padded = (length: number) => ` ${'x'.repeat(length)} `;
const EDGE_BODIES: [string, unknown][] = [
  ['POST /orders/{id}/cancel', { reason: padded(1000) }],
  [
    'POST /customers',
    { ...customerBody, name: padded(200), company: padded(200), email: 'buyer+eu@hamburg-tools.example' },
  ],
  ['POST /inventory/receipts', { sku: '  VALVE-DN50 ', quantity: 1 }],
  ['PUT /inventory/{sku}', { onHand: 0, reorderPoint: 0 }],
  ['POST /orders/{id}/payments', { amount: 1829.88, currency: 'EUR', reference: padded(128) }],
  [
    'POST /orders/{id}/shipment',
    {
      ...(routeContracts['POST /orders/{id}/shipment'].example as object),
      trackingUrl: 'http://carrier.example/t?id=1',
    },
  ],
  ['POST /orders/{id}/credit-decision', { decision: 'reject' }],
  ['POST /customers', { ...customerBody, paymentTerms: { type: 'OA', netDays: 60 } }],
];

describe("API Gateway's body models", () => {
  it('model every route whose contract has a body', () => {
    // Act
    const withBody = topology.api.routes.filter((route) => {
      const contract = routeContracts[routeKey(route)];
      return contract?.body && contract.gatewayValidation !== false;
    });
    // Assess
    expect(modelled.map(routeKey)).toEqual(withBody.map(routeKey));
    expect(modelled.length).toBeGreaterThan(0);
  });

  it.each(modelled.map((route) => [routeKey(route), route.bodySchema!] as const))(
    '%s: only keywords that draft 4 and API Gateway read as zod does, no $ref',
    (_key, schema) => {
      // Act
      const used = keywords(schema);
      // Assess
      for (const unwanted of ['$ref', '$schema', '$defs', 'definitions', 'format', 'pattern', 'const'])
        expect(used).not.toContain(unwanted);
      expect(JSON.stringify(schema)).not.toContain('"integer"');
      expect(draft4.validateSchema(schema)).toBe(true);
    },
  );

  const bodies: [string, unknown][] = [
    ['POST /customers', customerBody],
    ['POST /orders', orderBody('cus_01JD0000000000000000000001')],
    ...productBodies.map((body): [string, unknown] => ['POST /products', body]),
    ...Object.entries(routeContracts)
      .filter(([, contract]) => contract.example !== undefined)
      .map(([key, contract]): [string, unknown] => [key, contract.example]),
    ...EDGE_BODIES,
  ];

  it.each(bodies)('%s: a body zod accepts passes the model', (key, body) => {
    // Prepare
    const contract = routeContracts[key];
    const validate = draft4.compile(gatewayBodySchema(contract.body!));
    // Act
    const accepted = safeParse(contract.body!, body).success;
    const valid = validate(body);
    // Assess
    expect(accepted).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('still refuses what it can tell: a missing field, a wrong type, an unknown field', () => {
    // Prepare
    const validate = draft4.compile(gatewayBodySchema(routeContracts['POST /orders/{id}/cancel'].body!));
    // Act
    const refused = [{}, { reason: 42 }, { reason: 'x', extra: true }, { reason: '' }].map(
      (body) => !validate(body),
    );
    // Assess
    expect(refused).toEqual([true, true, true, true]);
  });

  it('takes integers written as 1.0, and refuses 1.5 where zod wants an integer', () => {
    // Prepare
    const validate = draft4.compile(gatewayBodySchema(routeContracts['POST /inventory/receipts'].body!));
    // Act
    const whole = validate({ sku: 'VALVE-DN50', quantity: 1.0 });
    const fraction = validate({ sku: 'VALVE-DN50', quantity: 1.5 });
    // Assess
    expect([whole, fraction]).toEqual([true, false]);
    expect(gatewayBodySchema(routeContracts['POST /inventory/receipts'].body!)).toMatchObject({
      properties: { quantity: { type: 'number', multipleOf: 1 } },
    });
  });
});
