import {
  companyCurrencyOf,
  companyCurrencySettings,
} from '../../shared/adapters/configured-company-currency';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerActivity } from '../../shared/adapters/dynamodb-customer-activity';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { makeCustomerLists } from '../../shared/use-cases/customer-lists';
import * as z from '../../shared/zod-mini';

/** The composition root the customer-list handlers share (not an entry itself). */
export function customerListsRoot() {
  const config = loadConfig(
    z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)), ...companyCurrencySettings }),
  );
  return makeCustomerLists({
    segments: makeDynamoCustomerActivity(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
    clock: systemClock,
    company: companyCurrencyOf(config),
  });
}
