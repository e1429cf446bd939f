import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeMarkOrderFailed } from '../../shared/use-cases/mark-order-failed';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const markOrderFailed = makeMarkOrderFailed({
  orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

/** Step Functions' Catch output: `{ Error, Cause }`. */
const input = z.object({
  orderId: z.string().check(z.minLength(1)),
  state: z.string().check(z.minLength(1)),
  failure: z.object({ Error: z.string(), Cause: z.optional(z.string()) }),
});

export const handler = stepHandler(input, ({ orderId, state, failure }) =>
  markOrderFailed(orderId, { state, error: failure.Error, cause: failure.Cause ?? '' }),
);
