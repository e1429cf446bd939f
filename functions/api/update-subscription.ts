import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoSubscriptionRepository } from '../../shared/adapters/dynamodb-subscriptions';
import { loadConfig } from '../../shared/config';
import { subscriptionIdParam, updateSubscriptionBody } from '../../shared/contracts/subscriptions';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { subscriptionView } from '../../shared/http/subscription-views';
import { systemClock } from '../../shared/ports/clock';
import { makeReplaceSubscription } from '../../shared/use-cases/change-subscription';
import { addressRulesOf, loopbackSetting } from '../../shared/webhooks/address-rules';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({ SUBSCRIPTIONS_TABLE: z.string().check(z.minLength(1)), ...loopbackSetting }),
);
const replaceSubscription = makeReplaceSubscription({
  subscriptions: makeDynamoSubscriptionRepository(dynamoDocumentClient(), config.SUBSCRIPTIONS_TABLE),
  clock: systemClock,
  rules: addressRulesOf(config),
});

/** PUT /subscriptions/{id}: the whole settings, at the version read (409 when it changed since). */
export const handler = apiHandler(async (event) => {
  const subscriptionId = pathParam(event, 'id', subscriptionIdParam);
  const body = parseBody(event, updateSubscriptionBody);
  const { subscription, newSecret } = await replaceSubscription(subscriptionId, body, callerOf(event));
  return json(200, subscriptionView(subscription, { showSecret: newSecret }));
});
