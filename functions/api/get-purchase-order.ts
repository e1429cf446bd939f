import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { purchaseOrderIdParam } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { purchaseOrderView } from '../../shared/http/procurement-views';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeGetPurchaseOrder } from '../../shared/use-cases/procurement/read-procurement';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ PROCUREMENT_TABLE: z.string().check(z.minLength(1)) }));
const getPurchaseOrder = makeGetPurchaseOrder({
  procurement: makeDynamoProcurementRepository(dynamoDocumentClient(), config.PROCUREMENT_TABLE),
});

/** GET /purchase-orders/{id} (staff): lines with what is received, receipts, status. */
export const handler = apiHandler(async (event) =>
  json(200, purchaseOrderView(await getPurchaseOrder(pathParam(event, 'id', purchaseOrderIdParam)))),
);
