import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeConfirmOrder } from '../../shared/use-cases/confirm-order';
import { makeCustomerOutstanding } from '../../shared/use-cases/customer-outstanding';
import { makeReviewCredit } from '../../shared/use-cases/review-credit';
import { makeScreenOrder } from '../../shared/use-cases/screen-order';
import { makeValidateOrder } from '../../shared/use-cases/validate-order';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const orders = makeDynamoOrderRepository(db, config.ORDERS_TABLE);
const customers = makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE);
const events = makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME);
const clock = systemClock;
const screenOrder = makeScreenOrder({
  validate: makeValidateOrder({
    orders,
    customers,
    inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
    events,
    clock,
  }),
  reviewCredit: makeReviewCredit({
    orders,
    customers,
    events,
    clock,
    outstanding: makeCustomerOutstanding(orders),
  }),
  confirm: makeConfirmOrder({ orders, events, clock }),
});

export const handler = stepHandler(z.object({ orderId: z.string().check(z.minLength(1)) }), ({ orderId }) =>
  screenOrder(orderId),
);
