import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeAdvanceOrder } from '../../shared/use-cases/advance-order';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const advanceOrder = makeAdvanceOrder({
  orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

const input = z.object({
  orderId: z.string().check(z.minLength(1)),
  stage: z.enum(['rejected', 'delivered', 'completed']),
});

export const handler = stepHandler(input, ({ orderId, stage }) => advanceOrder(orderId, stage));
