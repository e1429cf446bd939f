import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoReceivableReader } from '../../shared/adapters/dynamodb-receivables';
import { loadConfig } from '../../shared/config';
import { creditHoldsQuery } from '../../shared/contracts/finance';
import { apiHandler } from '../../shared/http/api-handler';
import { creditHoldsView } from '../../shared/http/finance-views';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeListCreditHolds } from '../../shared/use-cases/finance/credit-holds';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const list = makeListCreditHolds({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  receivables: makeDynamoReceivableReader(db, config.ORDERS_TABLE),
  clock: systemClock,
});

/** GET /credit/holds (finance): the orders on credit hold, oldest first, with the numbers behind each hold. */
export const handler = apiHandler(async (event) =>
  json(200, creditHoldsView(await list(parseWith(creditHoldsQuery, event.queryStringParameters ?? {})))),
);
