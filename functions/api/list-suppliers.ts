import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { listSuppliersQuery } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { supplierView } from '../../shared/http/procurement-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListSuppliers } from '../../shared/use-cases/procurement/read-procurement';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ PROCUREMENT_TABLE: z.string().check(z.minLength(1)) }));
const listSuppliers = makeListSuppliers({
  procurement: makeDynamoProcurementRepository(dynamoDocumentClient(), config.PROCUREMENT_TABLE),
});

/** GET /suppliers?limit=&nextToken= (procurement, admin): every supplier, newest first. */
export const handler = apiHandler(async (event) => {
  const page = await listSuppliers(parseWith(listSuppliersQuery, event.queryStringParameters ?? {}));
  return json(200, {
    items: page.items.map(supplierView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
