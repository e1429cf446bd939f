import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { listReplenishmentsQuery } from '../../shared/contracts/procurement';
import { apiHandler } from '../../shared/http/api-handler';
import { replenishmentView } from '../../shared/http/procurement-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListReplenishments } from '../../shared/use-cases/procurement/read-procurement';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ PROCUREMENT_TABLE: z.string().check(z.minLength(1)) }));
const listReplenishments = makeListReplenishments({
  procurement: makeDynamoProcurementRepository(dynamoDocumentClient(), config.PROCUREMENT_TABLE),
});

/** GET /replenishment-requests (staff): the open requests, newest first, to order from. */
export const handler = apiHandler(async (event) => {
  const page = await listReplenishments(
    parseWith(listReplenishmentsQuery, event.queryStringParameters ?? {}),
  );
  return json(200, {
    items: page.items.map(replenishmentView),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  });
});
