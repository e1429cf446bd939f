import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { loadConfig } from '../../shared/config';
import { sku } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { stockView } from '../../shared/http/inventory-views';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeGetStock } from '../../shared/use-cases/procurement/read-procurement';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INVENTORY_TABLE: z.string().check(z.minLength(1)) }));
const getStock = makeGetStock({
  inventory: makeDynamoInventoryRepository(dynamoDocumentClient(), config.INVENTORY_TABLE),
});

/** GET /inventory/{sku} (staff): the stock per warehouse and in total. */
export const handler = apiHandler(async (event) =>
  json(200, stockView(await getStock(pathParam(event, 'sku', sku)))),
);
