import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { WAIT_KINDS } from '../../shared/domain/order';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeBeginWait } from '../../shared/use-cases/begin-wait';
import { makeStockAvailable } from '../../shared/use-cases/stock-available';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const beginWait = makeBeginWait({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  callbacks: makeSfnWorkflowCallbacks(new SFNClient({})),
  clock: systemClock,
  stockAvailable: makeStockAvailable(makeDynamoInventoryRepository(db, config.INVENTORY_TABLE)),
});

const input = z.object({
  orderId: z.string().check(z.minLength(1)),
  wait: z.enum(WAIT_KINDS),
  taskToken: z.string().check(z.minLength(1)),
});

export const handler = stepHandler(input, (wait) => beginWait(wait));
