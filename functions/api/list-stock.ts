import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoStockOverview } from '../../shared/adapters/dynamodb-stock-overview';
import { loadConfig } from '../../shared/config';
import { stockOverviewQuery } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { stockOverviewView } from '../../shared/http/stock-overview-views';
import { makeListStock } from '../../shared/use-cases/procurement/list-stock';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INVENTORY_TABLE: z.string().check(z.minLength(1)) }));
const listStock = makeListStock({
  overview: makeDynamoStockOverview(dynamoDocumentClient(), config.INVENTORY_TABLE),
});

/** GET /inventory?belowReorderPoint=&limit=&nextToken= (warehouse, procurement, admin): every sku's stock. */
export const handler = apiHandler(async (event) => {
  const { belowReorderPoint, ...page } = parseWith(stockOverviewQuery, event.queryStringParameters ?? {});
  const result = await listStock({ ...page, belowReorderPoint: belowReorderPoint === 'true' });
  return json(200, {
    items: result.items.map(stockOverviewView),
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
  });
});
