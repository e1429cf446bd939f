import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { InMemoryIdempotencyStore } from '../../../shared/adapters/in-memory/idempotency-store';
import { ConflictError, InvalidInputError } from '../../../shared/errors';
import { apiHandler } from '../../../shared/http/api-handler';
import { idempotentApi } from '../../../shared/http/idempotency';
import { json } from '../../../shared/http/responses';

const context = {
  functionName: 'record-payment',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

function request(
  options: { key?: string; keyHeader?: string; body?: unknown; orderId?: string; principal?: string } = {},
): APIGatewayProxyEvent {
  const { keyHeader = 'Idempotency-Key', body = { amount: '100.00', currency: 'EUR', reference: 'TT-1' } } =
    options;
  const orderId = options.orderId ?? 'ord_1';
  return {
    httpMethod: 'POST',
    resource: '/orders/{id}/payments',
    path: `/orders/${orderId}/payments`,
    pathParameters: { id: orderId },
    headers: {
      'content-type': 'application/json',
      ...(options.key !== undefined ? { [keyHeader]: options.key } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      authorizer: { kind: 'staff', principalId: options.principal ?? 'stf_fin', role: 'finance' },
    },
  } as unknown as APIGatewayProxyEvent;
}

/** A handler that counts its runs and answers with the run number. */
function counting(
  behaviour: (run: number) => Promise<APIGatewayProxyResult> | APIGatewayProxyResult = (run) =>
    json(200, { run }),
) {
  const store = new InMemoryIdempotencyStore();
  let runs = 0;
  const handler = apiHandler(
    idempotentApi({ scope: 'record-payment', store })(async () => behaviour(++runs)),
  );
  return {
    store,
    runs: () => runs,
    call: async (event: APIGatewayProxyEvent) => {
      const response = (await handler(event, context)) as APIGatewayProxyResult;
      return { ...response, json: JSON.parse(response.body) };
    },
  };
}

describe('Idempotency-Key on POST', () => {
  it('answers a repeat with the first answer and does not run again', async () => {
    // Prepare
    const api = counting();
    const first = await api.call(request({ key: 'k-1' }));

    // Act
    const repeat = await api.call(request({ key: 'k-1' }));

    // Assess
    expect(api.runs()).toBe(1);
    expect(first.statusCode).toBe(200);
    expect(repeat).toMatchObject({ statusCode: 200, json: { run: 1 }, body: first.body });
    expect(repeat.headers).toMatchObject({ 'idempotent-replayed': 'true' });
    expect(first.headers).not.toHaveProperty('idempotent-replayed');
  });

  it('reads the header in any case, and the body whatever its spacing and key order', async () => {
    // Prepare
    const api = counting();
    await api.call(request({ key: 'k-1', keyHeader: 'idempotency-key' }));

    // Act
    const repeat = await api.call(
      request({
        key: 'k-1',
        keyHeader: 'IDEMPOTENCY-KEY',
        body: '{ "reference": "TT-1",  "currency": "EUR", "amount": "100.00" }',
      }),
    );

    // Assess
    expect(api.runs()).toBe(1);
    expect(repeat.json).toEqual({ run: 1 });
  });

  it('answers 422 when the key is reused with another body, and runs nothing', async () => {
    // Prepare
    const api = counting();
    await api.call(request({ key: 'k-1' }));

    // Act
    const reused = await api.call(
      request({ key: 'k-1', body: { amount: '999.00', currency: 'EUR', reference: 'TT-1' } }),
    );

    // Assess
    expect(reused.statusCode).toBe(422);
    expect(reused.json.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
    expect(api.runs()).toBe(1);
  });

  it('answers 422 when the key is reused for another order with the same body', async () => {
    // Prepare
    const api = counting();
    await api.call(request({ key: 'k-1', orderId: 'ord_1' }));

    // Act
    const reused = await api.call(request({ key: 'k-1', orderId: 'ord_2' }));

    // Assess
    expect(reused.statusCode).toBe(422);
    expect(api.runs()).toBe(1);
  });

  it('runs every time without the header, storing nothing', async () => {
    // Prepare
    const api = counting();

    // Act
    await api.call(request());
    const second = await api.call(request());

    // Assess
    expect(second.json).toEqual({ run: 2 });
    expect(api.store.records.size).toBe(0);
  });

  it("keeps each caller's keys apart", async () => {
    // Prepare
    const api = counting();
    await api.call(request({ key: 'k-1', principal: 'stf_fin' }));

    // Act
    const other = await api.call(request({ key: 'k-1', principal: 'stf_other' }));

    // Assess
    expect(other.json).toEqual({ run: 2 });
  });

  it('stores no failure: a retry after an error runs again', async () => {
    // Prepare
    const api = counting((run) => {
      if (run === 1)
        throw new ConflictError('payment is not allowed while the order is RECEIVED', 'RECEIVED');
      return json(200, { run });
    });
    const failed = await api.call(request({ key: 'k-1' }));

    // Act
    const retried = await api.call(request({ key: 'k-1' }));

    // Assess
    expect(failed.statusCode).toBe(409);
    expect(retried).toMatchObject({ statusCode: 200, json: { run: 2 } });
  });

  it('answers 409 to a repeat that arrives while the first is still running', async () => {
    // Prepare
    let finish: () => void = () => undefined;
    const api = counting(async (run) => {
      if (run === 1) await new Promise<void>((resolve) => (finish = resolve));
      return json(200, { run });
    });
    const first = api.call(request({ key: 'k-1' }));
    await new Promise((resolve) => setImmediate(resolve));

    // Act
    const concurrent = await api.call(request({ key: 'k-1' }));
    finish();

    // Assess
    expect(concurrent.statusCode).toBe(409);
    expect(concurrent.json.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await first).statusCode).toBe(200);
    expect(api.runs()).toBe(1);
  });

  it('answers 400 for an empty key', async () => {
    // Prepare
    const api = counting();

    // Act
    const response = await api.call(request({ key: '  ' }));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY', field: 'Idempotency-Key' });
    expect(api.runs()).toBe(0);
  });

  it('lets the handler refuse a body nested too deep to hash, instead of overflowing the stack (a 500)', async () => {
    // Prepare: far deeper than any body the API takes; Powertools hashes JSON recursively
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const api = counting(async () => {
      throw new InvalidInputError('the body must be a JSON object');
    });

    // Act
    const response = await api.call(request({ key: 'k-deep', body: deep }));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(api.runs()).toBe(1);
  });

  it('remembers a deeply nested body by its text: the same text replays, another text is 422', async () => {
    // Prepare
    const deep = (leaf: number) => `${'['.repeat(100)}${leaf}${']'.repeat(100)}`;
    const api = counting();
    await api.call(request({ key: 'k-deep', body: deep(1) }));

    // Act
    const repeat = await api.call(request({ key: 'k-deep', body: deep(1) }));
    const other = await api.call(request({ key: 'k-deep', body: deep(2) }));

    // Assess
    expect(repeat).toMatchObject({ statusCode: 200, json: { run: 1 } });
    expect(other.statusCode).toBe(422);
  });
});
