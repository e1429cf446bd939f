import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerOwners } from '../../shared/adapters/dynamodb-customer-owners';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { loadConfig } from '../../shared/config';
import { listOrdersQuery } from '../../shared/contracts/order-actions';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { orderSummaryView } from '../../shared/http/views';
import { makeListOrders } from '../../shared/use-cases/list-orders';
import * as z from '../../shared/zod-mini';

/** GET /orders?status=&customerId=&country=&owner=&externalRef=&limit=&nextToken= (staff; storefronts by externalRef). */
const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const listOrders = makeListOrders({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  owners: makeDynamoCustomerOwners(db, config.CUSTOMERS_TABLE),
});

export const handler = apiHandler(async (event) => {
  const page = await listOrders(
    parseWith(listOrdersQuery, event.queryStringParameters ?? {}),
    callerOf(event),
  );
  return json(200, {
    items: page.items.map(orderSummaryView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
