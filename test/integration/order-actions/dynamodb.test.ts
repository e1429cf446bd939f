import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import {
  ensureTables,
  type LocalDynamoDB,
  startLocalDynamoDB,
} from '../../../infra/local/dynamodb/local-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';
import { makeDynamoOnceLog } from '../../../shared/adapters/dynamodb-once-log';
import { makeDynamoOrderRepository } from '../../../shared/adapters/dynamodb-orders';
import { InvalidPageTokenError } from '../../../shared/adapters/page-token';
import { apiHandler } from '../../../shared/http/api-handler';
import { dynamoIdempotencyStore, idempotentApi } from '../../../shared/http/idempotency';
import { json } from '../../../shared/http/responses';
import type { OrderRepository } from '../../../shared/ports/orders';
import { anOrder } from '../../fixtures/orders';

/** The order listings' indexes and Powertools idempotency, on a real dynalite. */
describe('order actions on DynamoDB (dynalite)', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let client: DynamoDBClient;
  let orders: OrderRepository;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-order-actions-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    const tables = [topology.tables.orders, topology.tables.idempotency];
    await ensureTables(
      dynamodb.url,
      tables.map((spec) => ({ spec, physicalName: localNames.table(spec.name) })),
    );
    client = new DynamoDBClient(localClientConfig(dynamodb.url));
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    orders = makeDynamoOrderRepository(db, localNames.table('orders'));
  });

  afterAll(async () => {
    client.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the once log: a lease while the effect is done, done for good after', () => {
    let clock = new Date('2026-11-27T10:00:00.000Z');
    const log = () =>
      makeDynamoOnceLog(DynamoDBDocumentClient.from(client), localNames.table('orders'), () => clock);

    it('answers in-progress while a lease is live, lets an expired lease be taken over, and done after complete', async () => {
      // Act
      const first = await log().claim('ORDER#ord_once', 'email:x', 20_000);
      const meanwhile = await log().claim('ORDER#ord_once', 'email:x', 20_000);
      clock = new Date(clock.getTime() + 21_000); // the first claimant died: its lease ran out
      const takenOver = await log().claim('ORDER#ord_once', 'email:x', 20_000);
      await log().complete('ORDER#ord_once', 'email:x');
      clock = new Date(clock.getTime() + 3_600_000);
      const later = await log().claim('ORDER#ord_once', 'email:x', 20_000);

      // Assess
      expect([first, meanwhile, takenOver, later]).toEqual(['claimed', 'in-progress', 'claimed', 'done']);
    });

    it('gives a released claim to the next claimant', async () => {
      // Act
      await log().claim('ORDER#ord_once', 'email:y');
      await log().release('ORDER#ord_once', 'email:y');
      const again = await log().claim('ORDER#ord_once', 'email:y');

      // Assess
      expect(again).toBe('claimed');
    });
  });

  describe('listings', () => {
    const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T08:00:00.000Z`;
    const id = (n: number) => `ord_01JD00000000000000000000${String(n).padStart(2, '0')}`;

    beforeAll(async () => {
      const seeds = [
        anOrder('AWAITING_STOCK', {
          orderId: id(1),
          customerId: 'cus_x',
          createdAt: at(1),
          updatedAt: at(5),
        }),
        anOrder('AWAITING_STOCK', {
          orderId: id(2),
          customerId: 'cus_y',
          createdAt: at(2),
          updatedAt: at(9),
        }),
        anOrder('IN_TRANSIT', { orderId: id(3), customerId: 'cus_x', createdAt: at(3), updatedAt: at(4) }),
        anOrder('AWAITING_STOCK', {
          orderId: id(4),
          customerId: 'cus_x',
          createdAt: at(4),
          updatedAt: at(7),
        }),
      ];
      for (const order of seeds) await orders.create(order);
    });

    it('pages through a status, last changed first', async () => {
      // Act
      const first = await orders.listByStatus('AWAITING_STOCK', { limit: 2, newestFirst: true });
      const second = await orders.listByStatus('AWAITING_STOCK', {
        limit: 2,
        newestFirst: true,
        nextToken: first.nextToken,
      });

      // Assess
      expect(first.items.map((order) => order.orderId)).toEqual([id(2), id(4)]);
      expect(second.items.map((order) => order.orderId)).toEqual([id(1)]);
    });

    it("lists a customer's orders newest first, and those in one status", async () => {
      // Act
      const all = await orders.listByCustomer('cus_x');
      const waiting = await orders.listByCustomer('cus_x', { status: 'AWAITING_STOCK' });

      // Assess
      expect(all.items.map((order) => order.orderId)).toEqual([id(4), id(3), id(1)]);
      expect(waiting.items.map((order) => order.orderId)).toEqual([id(4), id(1)]);
      expect(all.items[0]).not.toHaveProperty('pk');
      // summaries from the index's projection, not whole orders
      expect(all.items[0]).toMatchObject({
        orderId: id(4),
        status: 'AWAITING_STOCK',
        validated: expect.any(Boolean),
      });
      expect(all.items[0]).not.toHaveProperty('timeline');
    });

    it('refuses a page token from another listing instead of failing on it', async () => {
      // Prepare
      const byStatus = await orders.listByStatus('AWAITING_STOCK', { limit: 1 });

      // Act
      const attempt = orders.listByCustomer('cus_x', { nextToken: byStatus.nextToken });

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidPageTokenError);
    });
  });

  describe('Idempotency-Key with the DynamoDB persistence layer', () => {
    const context = {
      functionName: 'f',
      awsRequestId: 'r',
      getRemainingTimeInMillis: () => 10_000,
    } as unknown as Context;
    const event = (key: string, body: unknown) =>
      ({
        httpMethod: 'POST',
        resource: '/orders/{id}/cancel',
        path: '/orders/ord_1/cancel',
        pathParameters: { id: 'ord_1' },
        headers: { 'Idempotency-Key': key },
        body: JSON.stringify(body),
        isBase64Encoded: false,
        requestContext: { authorizer: { kind: 'staff', principalId: 'stf_1', role: 'sales' } },
      }) as unknown as APIGatewayProxyEvent;

    it('stores the first answer, replays it, and refuses the key with another body (422)', async () => {
      // Prepare
      let runs = 0;
      const store = dynamoIdempotencyStore(localNames.table('idempotency'), client);
      const handler = apiHandler(
        idempotentApi({ scope: 'cancel-order', store })(async () => json(200, { run: ++runs })),
      );
      const call = async (e: APIGatewayProxyEvent) => (await handler(e, context)) as APIGatewayProxyResult;
      const first = await call(event('k-dyn', { reason: 'x' }));

      // Act
      const repeat = await call(event('k-dyn', { reason: 'x' }));
      const reused = await call(event('k-dyn', { reason: 'y' }));
      const fresh = await call(event('k-dyn-2', { reason: 'y' }));

      // Assess
      expect(first).toMatchObject({ statusCode: 200, body: '{"run":1}' });
      expect(repeat).toMatchObject({ statusCode: 200, body: '{"run":1}' });
      expect(repeat.headers).toMatchObject({ 'idempotent-replayed': 'true' });
      expect(reused.statusCode).toBe(422);
      expect(fresh).toMatchObject({ statusCode: 200, body: '{"run":2}' });
      expect(runs).toBe(2);
    });
  });
});
