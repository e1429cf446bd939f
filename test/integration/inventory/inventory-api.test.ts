import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import {
  ensureTables,
  type LocalDynamoDB,
  startLocalDynamoDB,
} from '../../../infra/local/dynamodb/local-dynamodb';
import { localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';
import { functionEnvironment } from '../../../infra/topology/environment';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * The inventory API handlers as Lambda would run them, each loaded with exactly the environment its
 * declared accesses give (so a missing grant fails here at import), on a real dynalite.
 */
describe('the inventory API handlers', () => {
  const savedEnv = process.env;
  let dataDir: string;
  let dynamodb: LocalDynamoDB;

  function load(name: 'create-product' | 'put-inventory' | 'receive-inventory'): Handler {
    const env = functionEnvironment(topology, topology.functions[name], {
      table: localNames.table,
      bucket: localNames.bucket,
      busName: localNames.busName,
      workflowArn: localNames.workflowArn,
      staffSignIn: () => {
        throw new Error('the inventory handlers do not verify staff tokens');
      },
    });
    process.env = {
      ...savedEnv,
      ...env,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.url,
      AWS_ENDPOINT_URL_SFN: dynamodb.url,
    };
    let handler: Handler | undefined;
    jest.isolateModules(() => {
      handler = require(`../../../functions/api/${name}`).handler;
    });
    return handler!;
  }

  async function call(handler: Handler, request: { body?: unknown; sku?: string; key?: string }) {
    const event = {
      httpMethod: request.sku ? 'PUT' : 'POST',
      resource: request.sku ? '/inventory/{sku}' : '/inventory/receipts',
      body: request.body === undefined ? null : JSON.stringify(request.body),
      isBase64Encoded: false,
      headers: {
        'content-type': 'application/json',
        ...(request.key ? { 'Idempotency-Key': request.key } : {}),
      },
      pathParameters: request.sku ? { sku: request.sku } : null,
      requestContext: { authorizer: { kind: 'staff', principalId: 'u1', role: 'warehouse' } },
    } as unknown as APIGatewayProxyEvent;
    const context = {
      functionName: 'test',
      awsRequestId: 'req-1',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:test',
      getRemainingTimeInMillis: () => 10_000,
    } as unknown as Context;
    const response = await handler(event, context);
    return { status: response.statusCode, json: JSON.parse(response.body), headers: response.headers };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-inventory-api-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    await ensureTables(
      dynamodb.url,
      [topology.tables.inventory, topology.tables.orders, topology.tables.idempotency].map((spec) => ({
        spec,
        physicalName: localNames.table(spec.name),
      })),
    );
  });

  afterAll(async () => {
    process.env = savedEnv;
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a product (201, then 409), counts its stock (200) and receives more (201)', async () => {
    // Prepare
    const createProduct = load('create-product');
    const putInventory = load('put-inventory');
    const receiveInventory = load('receive-inventory');
    const product = {
      sku: 'VALVE-DN50',
      name: 'Ball valve DN50, stainless',
      hsCode: '8481.80',
      originCountry: 'CN',
      unit: 'pcs',
      currency: 'EUR',
      unitCost: '7.10',
      price: { amount: 12.5, currency: 'EUR' },
    };

    // Act
    const created = await call(createProduct, { body: product });
    const duplicate = await call(createProduct, { body: product });
    const counted = await call(putInventory, { sku: 'VALVE-DN50', body: { onHand: 100, reorderPoint: 20 } });
    const received = await call(receiveInventory, {
      body: { sku: 'VALVE-DN50', quantity: 30, warehouse: 'SHA-1' },
    });

    // Assess
    expect(created).toMatchObject({
      status: 201,
      json: expect.objectContaining({
        sku: 'VALVE-DN50',
        unitCost: { amount: '7.10', currency: 'EUR' },
        price: { amount: '12.50', currency: 'EUR' },
      }),
    });
    expect(duplicate).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    expect(counted).toMatchObject({
      status: 200,
      json: {
        sku: 'VALVE-DN50',
        warehouse: 'MAIN',
        onHand: 100,
        available: 100,
        reserved: 0,
        reorderPoint: 20,
        belowReorderPoint: false,
        reservations: [],
      },
    });
    expect(received).toMatchObject({
      status: 201,
      json: {
        sku: 'VALVE-DN50',
        received: 30,
        stock: expect.objectContaining({ onHand: 130, available: 130, warehouse: 'SHA-1' }),
        resumedOrderIds: [],
      },
    });
  });

  it('adds a receipt once when it is posted again with the same Idempotency-Key', async () => {
    // Prepare
    await call(load('create-product'), { body: { sku: 'PUMP-3KW', name: 'Centrifugal pump 3 kW' } });
    const receiveInventory = load('receive-inventory');
    const receipt = { sku: 'PUMP-3KW', quantity: 6 };

    // Act
    const first = await call(receiveInventory, { body: receipt, key: 'grn-2026-0117' });
    const repeated = await call(receiveInventory, { body: receipt, key: 'grn-2026-0117' });
    const reused = await call(receiveInventory, { body: { ...receipt, quantity: 7 }, key: 'grn-2026-0117' });
    const another = await call(receiveInventory, { body: receipt, key: 'grn-2026-0118' });

    // Assess
    expect(first).toMatchObject({ status: 201, json: { stock: { onHand: 6 } } });
    expect(repeated).toMatchObject({
      status: 201,
      json: first.json,
      headers: { 'idempotent-replayed': 'true' },
    });
    expect(reused.status).toBe(422);
    expect(another).toMatchObject({ status: 201, json: { stock: { onHand: 12 } } });
  });

  it('answers 404 for stock of an unknown product and 400 naming the field of a bad body', async () => {
    // Prepare
    const putInventory = load('put-inventory');
    const receiveInventory = load('receive-inventory');

    // Act
    const unknown = await call(putInventory, { sku: 'GHOST-1', body: { onHand: 5 } });
    const unknownReceipt = await call(receiveInventory, { body: { sku: 'GHOST-1', quantity: 5 } });
    const badCount = await call(putInventory, { sku: 'VALVE-DN50', body: { onHand: -3 } });
    const badSku = await call(putInventory, { sku: 'VALVE DN50', body: { onHand: 3 } });

    // Assess
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
    expect(unknownReceipt).toMatchObject({ status: 404 });
    expect(badCount).toMatchObject({ status: 400, json: { error: { field: 'onHand' } } });
    expect(badSku).toMatchObject({ status: 400, json: { error: { field: 'sku' } } });
  });
});
