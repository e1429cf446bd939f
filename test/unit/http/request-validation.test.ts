import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createCustomerBody } from '../../../shared/contracts/customers';
import { createOrderBody } from '../../../shared/contracts/orders';
import { InvalidInputError } from '../../../shared/errors';
import { toHttpError } from '../../../shared/http/error-mapping';
import { parseBody } from '../../../shared/http/request';
import { customerBody, orderBody } from '../../fixtures/api-bodies';

const eventWith = (body: string | null) =>
  ({ body, isBase64Encoded: false }) as unknown as APIGatewayProxyEvent;

function problemOf(body: unknown, schema: typeof createOrderBody | typeof createCustomerBody) {
  try {
    parseBody(eventWith(typeof body === 'string' || body === null ? body : JSON.stringify(body)), schema);
  } catch (error) {
    const response = toHttpError(error);
    return { status: response.statusCode, ...JSON.parse(response.body).error };
  }
  throw new Error('expected the body to be refused');
}

describe('request bodies', () => {
  it('accepts the contract example', () => {
    expect(parseBody(eventWith(JSON.stringify(orderBody('cus_1'))), createOrderBody).lines).toHaveLength(2);
    expect(parseBody(eventWith(JSON.stringify(customerBody)), createCustomerBody).country).toBe('DE');
  });

  it.each([
    ['malformed JSON', '{"customerId": ', undefined, /not valid JSON/],
    ['no body', null, undefined, /needs a JSON body/],
    ['a missing field', { ...orderBody('c'), currency: undefined }, 'currency', /currency is required/],
    ['a wrong type', { ...orderBody('c'), lines: 'three' }, 'lines', /lines must be an array/],
    [
      'a nested wrong value',
      { ...orderBody('c'), lines: [{ sku: 'A', quantity: 0, unitPrice: '1' }] },
      'lines.0.quantity',
      /more than 0/,
    ],
    ['an unknown currency', { ...orderBody('c'), currency: 'EURO' }, 'currency', /ISO 4217/],
    [
      'an unknown Incoterm',
      { ...orderBody('c'), incoterm: { code: 'FOO', place: 'x' } },
      'incoterm.code',
      /Incoterms 2020/,
    ],
    [
      'an unknown country',
      { ...orderBody('c'), shippingAddress: { ...orderBody('c').shippingAddress, country: 'XX' } },
      'shippingAddress.country',
      /ISO 3166/,
    ],
    [
      'bad payment terms',
      { ...orderBody('c'), paymentTerms: { type: 'TT' } },
      'paymentTerms.depositPercent',
      /required/,
    ],
    ['an unknown field', { ...orderBody('c'), discount: 5 }, undefined, /unknown field: discount/],
    [
      'a non-decimal price',
      { ...orderBody('c'), lines: [{ sku: 'A', quantity: 1, unitPrice: '1,5' }] },
      'lines.0.unitPrice',
      /decimal amount/,
    ],
  ])('refuses %s with a 400 that names the field', (_case, body, field, message) => {
    // Act
    const problem = problemOf(body, createOrderBody);

    // Assess
    expect(problem.status).toBe(400);
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });

  it('refuses a bad email and a bad language tag', () => {
    expect(problemOf({ ...customerBody, email: 'nobody' }, createCustomerBody)).toMatchObject({
      status: 400,
      field: 'email',
    });
    expect(problemOf({ ...customerBody, language: 'not a tag!' }, createCustomerBody)).toMatchObject({
      status: 400,
      field: 'language',
    });
  });

  it('refuses text holding a lone UTF-16 surrogate, naming the field, and takes whole characters', () => {
    // Prepare: JSON can escape half of a surrogate pair; no UTF-8 encoding can carry it
    const lone = JSON.stringify({
      ...orderBody('c'),
      shippingAddress: { ...orderBody('c').shippingAddress },
    }).replace('"Hamburg"', '"Ham\\ud800burg"');
    const paired = JSON.stringify({ ...orderBody('c'), buyerPo: 'PO 😀 \u05e9\u05dc\u05d5\u05dd' });

    // Act
    const problem = problemOf(lone, createOrderBody);
    const accepted = parseBody(eventWith(paired), createOrderBody);

    // Assess
    expect(problem).toMatchObject({ status: 400, field: 'shippingAddress.city' });
    expect(problem.message).toMatch(/surrogate/);
    expect(accepted.buyerPo).toBe('PO 😀 שלום');
  });

  it('maps unknown errors to a 500 with no internals', () => {
    const response = toHttpError(new Error('connection string postgres://secret'));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/secret/);
    expect(toHttpError(new InvalidInputError('x')).statusCode).toBe(400);
  });
});
