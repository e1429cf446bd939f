import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { loadConfig } from '../../shared/config';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeDispatchStock } from '../../shared/use-cases/dispatch-stock';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const dispatchStock = makeDispatchStock({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
});

export const handler = stepHandler(z.object({ orderId: z.string().check(z.minLength(1)) }), ({ orderId }) =>
  dispatchStock(orderId),
);
