import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { loadConfig } from '../../shared/config';
import { putInventoryBody, sku } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { stockView } from '../../shared/http/inventory-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeSetStock } from '../../shared/use-cases/set-stock';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INVENTORY_TABLE: z.string().check(z.minLength(1)) }));
const setStock = makeSetStock({
  inventory: makeDynamoInventoryRepository(dynamoDocumentClient(), config.INVENTORY_TABLE),
});

export const handler = apiHandler(async (event) => {
  const stock = await setStock(pathParam(event, 'sku', sku), parseBody(event, putInventoryBody));
  return json(200, stockView(stock));
});
