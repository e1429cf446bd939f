import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { receiveInventoryBody } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { stockView } from '../../shared/http/inventory-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { logger } from '../../shared/observability';
import { makeReceiveInventory } from '../../shared/use-cases/receive-inventory';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const receiveInventory = makeReceiveInventory({
  inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  callbacks: makeSfnWorkflowCallbacks(new SFNClient({})),
});

// A receipt adds stock: a retried POST with the same Idempotency-Key must not add it twice.
const idempotent = idempotentApi({
  scope: 'receive-inventory',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

export const handler = apiHandler(
  idempotent(async (event) => {
    const body = parseBody(event, receiveInventoryBody);
    const { stock, resumedOrderIds, resumeFailed } = await receiveInventory(body, callerOf(event));
    if (resumeFailed)
      logger.error('resuming the orders waiting for stock failed', { error: resumeFailed.error });
    return json(201, {
      sku: body.sku,
      received: body.quantity,
      stock: stockView(stock, body.warehouse),
      resumedOrderIds,
      ...(resumeFailed
        ? { note: 'Not every waiting order could be resumed now; each resumes when its wait next times out' }
        : {}),
    });
  }),
);
