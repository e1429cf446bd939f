import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { putInventoryBody, sku } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { stockView } from '../../shared/http/inventory-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { makeCheckReorder } from '../../shared/use-cases/procurement/check-reorder';
import { makeSetStock } from '../../shared/use-cases/set-stock';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const inventory = makeDynamoInventoryRepository(db, config.INVENTORY_TABLE);
const setStock = makeSetStock({ inventory });
const checkReorder = makeCheckReorder({
  inventory,
  procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

/** PUT /inventory/{sku}: a count in one warehouse (the sku's home one when none is named). */
export const handler = apiHandler(async (event) => {
  const body = parseBody(event, putInventoryBody);
  const stock = await setStock(pathParam(event, 'sku', sku), body, callerOf(event));
  // The count is kept either way; a request not raised now is raised by the next reservation's check.
  await checkReorder(stock.sku).catch((error) => logger.error('the reorder check failed', { error }));
  return json(200, stockView(stock, body.warehouse));
});
