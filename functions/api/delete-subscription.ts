import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoSubscriptionRepository } from '../../shared/adapters/dynamodb-subscriptions';
import { loadConfig } from '../../shared/config';
import { subscriptionIdParam } from '../../shared/contracts/subscriptions';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { pathParam } from '../../shared/http/request';
import { makeDeleteSubscription } from '../../shared/use-cases/change-subscription';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ SUBSCRIPTIONS_TABLE: z.string().check(z.minLength(1)) }));
const deleteSubscription = makeDeleteSubscription({
  subscriptions: makeDynamoSubscriptionRepository(dynamoDocumentClient(), config.SUBSCRIPTIONS_TABLE),
});

/** DELETE /subscriptions/{id}: 204; its department's next notices no longer reach it. */
export const handler = apiHandler(async (event) => {
  await deleteSubscription(pathParam(event, 'id', subscriptionIdParam), callerOf(event));
  return { statusCode: 204, headers: {}, body: '' };
});
