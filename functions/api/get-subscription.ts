import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoSubscriptionRepository } from '../../shared/adapters/dynamodb-subscriptions';
import { loadConfig } from '../../shared/config';
import { subscriptionIdParam } from '../../shared/contracts/subscriptions';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { subscriptionView } from '../../shared/http/subscription-views';
import { makeGetSubscription } from '../../shared/use-cases/read-subscriptions';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SUBSCRIPTIONS_TABLE: z.string().check(z.minLength(1)) }));
const getSubscription = makeGetSubscription({
  subscriptions: makeDynamoSubscriptionRepository(dynamoDocumentClient(), config.SUBSCRIPTIONS_TABLE),
});

/** GET /subscriptions/{id}: its settings and version, never its webhook secret. */
export const handler = apiHandler(async (event) => {
  const subscription = await getSubscription(pathParam(event, 'id', subscriptionIdParam), callerOf(event));
  return json(200, subscriptionView(subscription));
});
