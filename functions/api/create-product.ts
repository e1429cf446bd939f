import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { loadConfig } from '../../shared/config';
import { createProductBody } from '../../shared/contracts/inventory';
import { apiHandler } from '../../shared/http/api-handler';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { productView } from '../../shared/http/inventory-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateProduct } from '../../shared/use-cases/create-product';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const createProduct = makeCreateProduct({
  inventory: makeDynamoInventoryRepository(dynamoDocumentClient(), config.INVENTORY_TABLE),
  clock: systemClock,
});

const idempotent = idempotentApi({
  scope: 'create-product',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

export const handler = apiHandler(
  idempotent(async (event) => {
    const product = await createProduct(parseBody(event, createProductBody));
    return json(201, productView(product));
  }),
);
