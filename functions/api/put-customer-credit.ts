import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCreditTermsStore } from '../../shared/adapters/dynamodb-credit-terms';
import { loadConfig } from '../../shared/config';
import { customerIdParam, putCustomerCreditBody } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { customerCreditView } from '../../shared/http/finance-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makePutCustomerCredit } from '../../shared/use-cases/finance/customer-credit';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
const put = makePutCustomerCredit({
  credit: makeDynamoCreditTermsStore(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
  clock: systemClock,
});

/** PUT /customers/{id}/credit (finance): a new credit limit and/or terms at the version read; kept in the history. */
export const handler = apiHandler(async (event) => {
  const customerId = pathParam(event, 'id', customerIdParam);
  const saved = await put(customerId, parseBody(event, putCustomerCreditBody), callerOf(event));
  return json(200, customerCreditView(saved));
});
