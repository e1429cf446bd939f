import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCreditTermsStore } from '../../shared/adapters/dynamodb-credit-terms';
import { loadConfig } from '../../shared/config';
import { customerIdParam } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { customerCreditView } from '../../shared/http/finance-views';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeGetCustomerCredit } from '../../shared/use-cases/finance/customer-credit';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
const get = makeGetCustomerCredit({
  credit: makeDynamoCreditTermsStore(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
});

/** GET /customers/{id}/credit (finance, sales, admin): credit limit and terms in force, with their history. */
export const handler = apiHandler(async (event) =>
  json(200, customerCreditView(await get(pathParam(event, 'id', customerIdParam)))),
);
