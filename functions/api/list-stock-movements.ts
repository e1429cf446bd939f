import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { loadConfig } from '../../shared/config';
import { sku } from '../../shared/contracts/inventory';
import { movementsQuery } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { movementView } from '../../shared/http/procurement-views';
import { parseWith, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListMovements } from '../../shared/use-cases/procurement/read-procurement';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INVENTORY_TABLE: z.string().check(z.minLength(1)) }));
const listMovements = makeListMovements({
  inventory: makeDynamoInventoryRepository(dynamoDocumentClient(), config.INVENTORY_TABLE),
});

/** GET /inventory/{sku}/movements?warehouse=&limit=&nextToken= (staff): the stock ledger, newest first. */
export const handler = apiHandler(async (event) => {
  const page = await listMovements(
    pathParam(event, 'sku', sku),
    parseWith(movementsQuery, event.queryStringParameters ?? {}),
  );
  return json(200, {
    items: page.items.map(movementView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
