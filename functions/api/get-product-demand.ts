import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoProductDemand } from '../../shared/adapters/dynamodb-product-demand';
import { loadConfig } from '../../shared/config';
import { demandQuery } from '../../shared/contracts/customer-insights';
import { sku as skuParam } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeProductDemand } from '../../shared/use-cases/product-demand';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
const demand = makeProductDemand({
  demand: makeDynamoProductDemand(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
  clock: systemClock,
});

/** GET /products/{sku}/demand?months= (staff): monthly quantities by customer, and a 3-month forecast. */
export const handler = apiHandler(async (event) => {
  const sku = pathParam(event, 'sku', skuParam);
  const { months } = parseWith(demandQuery, event.queryStringParameters ?? {});
  return json(200, await demand(sku, months));
});
