import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { purchaseOrderIdParam, receivePurchaseOrderBody } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { stockView } from '../../shared/http/inventory-views';
import { purchaseOrderView } from '../../shared/http/procurement-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { makeCheckReorder } from '../../shared/use-cases/procurement/check-reorder';
import { makeReceivePurchaseOrder } from '../../shared/use-cases/procurement/receive-purchase-order';
import { makeResumeWaitingOrders } from '../../shared/use-cases/receive-inventory';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const inventory = makeDynamoInventoryRepository(db, config.INVENTORY_TABLE);
const procurement = makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE);
const receivePurchaseOrder = makeReceivePurchaseOrder({
  procurement,
  inventory,
  clock: systemClock,
  resumeWaiting: makeResumeWaitingOrders({
    inventory,
    orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
    callbacks: makeSfnWorkflowCallbacks(new SFNClient({})),
  }),
  checkReorder: makeCheckReorder({
    inventory,
    procurement,
    events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
    clock: systemClock,
  }),
});

// A receipt adds stock: a retried POST with the same Idempotency-Key must not add it twice.
const idempotent = idempotentApi({
  scope: 'receive-purchase-order',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /purchase-orders/{id}/receipts (warehouse, procurement): lines received, partial or whole. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const result = await receivePurchaseOrder(
      pathParam(event, 'id', purchaseOrderIdParam),
      parseBody(event, receivePurchaseOrderBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    if (result.resumeFailed)
      logger.error('resuming the orders waiting for stock failed', { error: result.resumeFailed.error });
    return json(201, {
      receiptId: result.receiptId,
      purchaseOrder: purchaseOrderView(result.purchaseOrder),
      stock: result.stock.map((stock) => stockView(stock, result.purchaseOrder.receipts.at(-1)?.warehouse)),
      resumedOrderIds: result.resumedOrderIds,
      ...(result.resumeFailed
        ? { note: 'Not every waiting order could be resumed now; each resumes when its wait next times out' }
        : {}),
    });
  }),
);
