import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerActivity } from '../../shared/adapters/dynamodb-customer-activity';
import { makeDynamoCustomerNames } from '../../shared/adapters/dynamodb-customer-names';
import { loadConfig } from '../../shared/config';
import type { DormantQuery, ProspectsQuery } from '../../shared/contracts/customer-insights';
import { systemClock } from '../../shared/ports/clock';
import { makeCustomerLists } from '../../shared/use-cases/customer-lists';
import { makeCustomerNaming } from '../../shared/use-cases/named-customer-lists';
import * as z from '../../shared/zod-mini';

/**
 * The composition root the prospect and dormant list handlers share (not an entry itself): each
 * row named (the profile's name and company) for the staff who read the lists.
 */
export function customerListsRoot() {
  const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
  const db = dynamoDocumentClient();
  const lists = makeCustomerLists({
    segments: makeDynamoCustomerActivity(db, config.CUSTOMERS_TABLE),
    clock: systemClock,
  });
  const naming = makeCustomerNaming({ names: makeDynamoCustomerNames(db, config.CUSTOMERS_TABLE) });
  return {
    prospects: async (query: ProspectsQuery) => naming.page(await lists.prospects(query)),
    dormant: async (query: DormantQuery) => naming.page(await lists.dormant(query)),
  };
}
