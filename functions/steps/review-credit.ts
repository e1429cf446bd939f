import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeCustomerOutstanding } from '../../shared/use-cases/customer-outstanding';
import { makeReviewCredit } from '../../shared/use-cases/review-credit';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const orders = makeDynamoOrderRepository(db, config.ORDERS_TABLE);
const reviewCredit = makeReviewCredit({
  orders,
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  outstanding: makeCustomerOutstanding(orders),
});

export const handler = stepHandler(z.object({ orderId: z.string().check(z.minLength(1)) }), ({ orderId }) =>
  reviewCredit(orderId),
);
