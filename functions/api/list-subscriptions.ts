import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoSubscriptionRepository } from '../../shared/adapters/dynamodb-subscriptions';
import { loadConfig } from '../../shared/config';
import { listSubscriptionsQuery } from '../../shared/contracts/subscriptions';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseWith } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { subscriptionView } from '../../shared/http/subscription-views';
import { makeListSubscriptions } from '../../shared/use-cases/read-subscriptions';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SUBSCRIPTIONS_TABLE: z.string().check(z.minLength(1)) }));
const listSubscriptions = makeListSubscriptions({
  subscriptions: makeDynamoSubscriptionRepository(dynamoDocumentClient(), config.SUBSCRIPTIONS_TABLE),
});

/** GET /subscriptions?department= (a department role: its own when not named). */
export const handler = apiHandler(async (event) => {
  const items = await listSubscriptions(
    parseWith(listSubscriptionsQuery, event.queryStringParameters ?? {}),
    callerOf(event),
  );
  return json(200, { items: items.map((s) => subscriptionView(s)) });
});
