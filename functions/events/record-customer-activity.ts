import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerActivity } from '../../shared/adapters/dynamodb-customer-activity';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoProductDemand } from '../../shared/adapters/dynamodb-product-demand';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { systemClock } from '../../shared/ports/clock';
import { makeRecordCustomerActivity } from '../../shared/use-cases/record-customer-activity';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    ORDERS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const record = makeRecordCustomerActivity({
  activity: makeDynamoCustomerActivity(db, config.CUSTOMERS_TABLE),
  demand: makeDynamoProductDemand(db, config.CUSTOMERS_TABLE),
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  clock: systemClock,
});

/** EventBridge target of `crm-activity`: orders, quotes and inquiries kept as the CRM's facts. */
export const handler = eventHandler('customer activity', record);
