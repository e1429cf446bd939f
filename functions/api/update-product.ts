import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoProductUpdates } from '../../shared/adapters/dynamodb-product-updates';
import { loadConfig } from '../../shared/config';
import { updateProductBody } from '../../shared/contracts/documents';
import { sku } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeUpdateProduct } from '../../shared/use-cases/documents/update-product';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ INVENTORY_TABLE: z.string().check(z.minLength(1)) }));
const updateProduct = makeUpdateProduct({
  products: makeDynamoProductUpdates(dynamoDocumentClient(), config.INVENTORY_TABLE),
  clock: systemClock,
});

/** PATCH /products/{sku} (sales, procurement, admin): fixes a product's HS code, origin, weights. */
export const handler = apiHandler(async (event) =>
  json(200, await updateProduct(pathParam(event, 'sku', sku), parseBody(event, updateProductBody))),
);
