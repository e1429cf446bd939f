import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerActivity } from '../../shared/adapters/dynamodb-customer-activity';
import { makeDynamoCustomerNames } from '../../shared/adapters/dynamodb-customer-names';
import { makeDynamoExchangeRateSettings } from '../../shared/adapters/dynamodb-exchange-rate-settings';
import { loadConfig } from '../../shared/config';
import { topQuery } from '../../shared/contracts/customer-insights';
import { apiHandler } from '../../shared/http/api-handler';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeCustomerNaming } from '../../shared/use-cases/named-customer-lists';
import { makeTopCustomers } from '../../shared/use-cases/top-customers';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const top = makeTopCustomers({
  segments: makeDynamoCustomerActivity(db, config.CUSTOMERS_TABLE),
  rates: makeDynamoExchangeRateSettings(db, config.SETTINGS_TABLE),
  clock: systemClock,
});
// Each ranked customer with the profile's name and company, for the staff who read the list.
const naming = makeCustomerNaming({ names: makeDynamoCustomerNames(db, config.CUSTOMERS_TABLE) });

/**
 * GET /customers/lists/top (staff): customers by revenue over a period, in the company currency of
 * /settings/exchange-rates (each order at its day's rate) unless a currency is asked for.
 */
export const handler = apiHandler(async (event) =>
  json(200, await naming.rankings(await top(parseWith(topQuery, event.queryStringParameters ?? {})))),
);
