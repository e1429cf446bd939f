import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { loadConfig } from '../../shared/config';
import { orderIdParam } from '../../shared/contracts/orders';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { orderView } from '../../shared/http/views';
import { makeGetOrder } from '../../shared/use-cases/get-order';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ ORDERS_TABLE: z.string().check(z.minLength(1)) }));
const getOrder = makeGetOrder({
  orders: makeDynamoOrderRepository(dynamoDocumentClient(), config.ORDERS_TABLE),
});

export const handler = apiHandler(async (event) => {
  const caller = callerOf(event);
  const order = await getOrder(pathParam(event, 'id', orderIdParam), caller);
  return json(200, orderView(order, caller.kind));
});
