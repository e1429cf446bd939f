import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerActivity } from '../../shared/adapters/dynamodb-customer-activity';
import { makeDynamoCustomerOwners } from '../../shared/adapters/dynamodb-customer-owners';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { makeNudgeDormantCustomers, type NudgeOutcome } from '../../shared/use-cases/nudge-dormant-customers';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const nudge = makeNudgeDormantCustomers({
  segments: makeDynamoCustomerActivity(db, config.CUSTOMERS_TABLE),
  owners: makeDynamoCustomerOwners(db, config.CUSTOMERS_TABLE),
  // The nudge's claims live beside the customers (`NUDGE#<week>`), not the orders.
  once: makeDynamoOnceLog(db, config.CUSTOMERS_TABLE, () => new Date()),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

/** The `nudge-dormant` schedule: each owner hears of their dormant customers once per ISO week. */
export const handler = middy<unknown, NudgeOutcome>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (_event, context) => {
    const outcome = await nudge({ remainingMs: context.getRemainingTimeInMillis() });
    logger.info('dormant customers nudge', { ...outcome });
    return outcome;
  });
