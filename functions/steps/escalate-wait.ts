import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { WAIT_KINDS } from '../../shared/domain/order';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeEscalateWait } from '../../shared/use-cases/escalate-wait';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    /** Local demos run clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);
const escalateWait = makeEscalateWait({
  orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  timeScale: config.TRADEFLOW_TIME_SCALE,
});

const input = z.object({ orderId: z.string().check(z.minLength(1)), wait: z.enum(WAIT_KINDS) });

export const handler = stepHandler(input, ({ orderId, wait }) => escalateWait(orderId, wait));
