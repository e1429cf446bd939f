import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { listPurchaseOrdersQuery } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { purchaseOrderView } from '../../shared/http/procurement-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListPurchaseOrders } from '../../shared/use-cases/procurement/read-procurement';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ PROCUREMENT_TABLE: z.string().check(z.minLength(1)) }));
const listPurchaseOrders = makeListPurchaseOrders({
  procurement: makeDynamoProcurementRepository(dynamoDocumentClient(), config.PROCUREMENT_TABLE),
});

/** GET /purchase-orders?status=&limit=&nextToken= (staff): newest first. */
export const handler = apiHandler(async (event) => {
  const page = await listPurchaseOrders(
    parseWith(listPurchaseOrdersQuery, event.queryStringParameters ?? {}),
  );
  return json(200, {
    items: page.items.map(purchaseOrderView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
