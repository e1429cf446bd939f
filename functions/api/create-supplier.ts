import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { createSupplierBody } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { supplierView } from '../../shared/http/procurement-views';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateSupplier } from '../../shared/use-cases/procurement/create-supplier';
import * as z from '../../shared/zod-mini';
import { refreshStockWaitsRoot } from './stock-waits-root';

const config = loadConfig(
  z.object({
    PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const createSupplier = makeCreateSupplier({
  procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
  inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
  clock: systemClock,
  refreshWaits: refreshStockWaitsRoot(db),
});
const idempotent = idempotentApi({
  scope: 'create-supplier',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /suppliers (procurement, admin): a supplier, its lead time, the skus it supplies. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const supplier = await createSupplier(parseBody(event, createSupplierBody), idempotencyKeyOf(event));
    return json(201, supplierView(supplier), { Location: `/suppliers/${supplier.supplierId}` });
  }),
);
