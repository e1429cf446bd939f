import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { loadConfig } from '../../shared/config';
import { customerIdParam } from '../../shared/contracts/customer-profile';
import { apiHandler } from '../../shared/http/api-handler';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { customerView } from '../../shared/http/views';
import { makeGetCustomer } from '../../shared/use-cases/update-customer-profile';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
const getCustomer = makeGetCustomer({
  customers: makeDynamoCustomerRepository(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
});

/** GET /customers/{id} (sales, admin): the profile, with the `version` a change must send back. */
export const handler = apiHandler(async (event) =>
  json(200, customerView(await getCustomer(pathParam(event, 'id', customerIdParam)))),
);
