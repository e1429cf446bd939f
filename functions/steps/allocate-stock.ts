import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeAllocateStock } from '../../shared/use-cases/allocate-stock';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const allocateStock = makeAllocateStock({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

/** Input `{ orderId }`; output `{ complete }` (false: the workflow waits for stock, then runs this again). */
export const handler = stepHandler(z.object({ orderId: z.string().check(z.minLength(1)) }), ({ orderId }) =>
  allocateStock(orderId),
);
