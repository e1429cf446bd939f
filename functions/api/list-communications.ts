import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCommunicationLog } from '../../shared/adapters/dynamodb-communications';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { loadConfig } from '../../shared/config';
import { customerIdParam, listCommunicationsQuery } from '../../shared/contracts/customer-profile';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListCommunications } from '../../shared/use-cases/customer-communications';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
const db = dynamoDocumentClient();
const listCommunications = makeListCommunications({
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  communications: makeDynamoCommunicationLog(db, config.CUSTOMERS_TABLE),
});

/** GET /customers/{id}/communications?limit=&nextToken= (staff): newest first. */
export const handler = apiHandler(async (event) => {
  const page = await listCommunications(
    pathParam(event, 'id', customerIdParam),
    parseWith(listCommunicationsQuery, event.queryStringParameters ?? {}),
  );
  return json(200, { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
});
