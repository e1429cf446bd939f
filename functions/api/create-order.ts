import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoTrackingTokens } from '../../shared/adapters/dynamodb-tracking-tokens';
import { makeSfnOrderWorkflow } from '../../shared/adapters/sfn-order-workflow';
import { loadConfig } from '../../shared/config';
import { createOrderBody } from '../../shared/contracts/orders';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makePlaceOrder } from '../../shared/use-cases/place-order';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const placeOrder = makePlaceOrder({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  workflow: makeSfnOrderWorkflow(new SFNClient({}), config.ORDER_WORKFLOW_ARN),
  clock: systemClock,
  newId,
  trackingTokens: makeDynamoTrackingTokens(db, config.ORDERS_TABLE),
});

const idempotent = idempotentApi({
  scope: 'create-order',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

export const handler = apiHandler(
  idempotent(async (event) => {
    const body = parseBody(event, createOrderBody);
    const order = await placeOrder(body, callerOf(event), idempotencyKeyOf(event));
    return json(
      201,
      { orderId: order.orderId, status: order.status },
      { location: `/orders/${order.orderId}` },
    );
  }),
);
