import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoSubscriptionRepository } from '../../shared/adapters/dynamodb-subscriptions';
import { loadConfig } from '../../shared/config';
import { createSubscriptionBody } from '../../shared/contracts/subscriptions';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { parseBody } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { subscriptionView } from '../../shared/http/subscription-views';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makeCreateSubscription } from '../../shared/use-cases/create-subscription';
import { addressRulesOf, loopbackSetting } from '../../shared/webhooks/address-rules';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    SUBSCRIPTIONS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    ...loopbackSetting,
  }),
);
const createSubscription = makeCreateSubscription({
  subscriptions: makeDynamoSubscriptionRepository(dynamoDocumentClient(), config.SUBSCRIPTIONS_TABLE),
  clock: systemClock,
  rules: addressRulesOf(config),
  newId,
});

const idempotent = idempotentApi({
  scope: 'create-subscription',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /subscriptions (admin, or the department's own role): the answer shows the webhook secret once. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const subscription = await createSubscription(
      parseBody(event, createSubscriptionBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, subscriptionView(subscription, { showSecret: true }), {
      Location: `/subscriptions/${subscription.subscriptionId}`,
    });
  }),
);
