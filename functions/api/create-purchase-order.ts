import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { createPurchaseOrderBody } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { purchaseOrderView } from '../../shared/http/procurement-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeCreatePurchaseOrder } from '../../shared/use-cases/procurement/create-purchase-order';
import * as z from '../../shared/zod-mini';
import { refreshStockWaitsRoot } from './stock-waits-root';

const config = loadConfig(
  z.object({
    PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const createPurchaseOrder = makeCreatePurchaseOrder({
  procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
  inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  clock: systemClock,
  refreshWaits: refreshStockWaitsRoot(db),
});
const idempotent = idempotentApi({
  scope: 'create-purchase-order',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /purchase-orders (procurement): an order to a supplier; its units become incoming. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const order = await createPurchaseOrder(
      parseBody(event, createPurchaseOrderBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, purchaseOrderView(order), { Location: `/purchase-orders/${order.purchaseOrderId}` });
  }),
);
