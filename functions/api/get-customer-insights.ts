import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerActivity } from '../../shared/adapters/dynamodb-customer-activity';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoExchangeRateSettings } from '../../shared/adapters/dynamodb-exchange-rate-settings';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { loadConfig } from '../../shared/config';
import { customerIdParam } from '../../shared/contracts/customer-insights';
import { apiHandler } from '../../shared/http/api-handler';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeCustomerInsights } from '../../shared/use-cases/customer-insights';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const insights = makeCustomerInsights({
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  activity: makeDynamoCustomerActivity(db, config.CUSTOMERS_TABLE),
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  clock: systemClock,
  rates: makeDynamoExchangeRateSettings(db, config.SETTINGS_TABLE),
});

/** GET /customers/{id}/insights (staff): revenue, order rhythm, predicted next order, win rate, exposure. */
export const handler = apiHandler(async (event) =>
  json(200, await insights(pathParam(event, 'id', customerIdParam))),
);
