import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnOrderWorkflow } from '../../shared/adapters/sfn-order-workflow';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { makeSweepStalledOrders } from '../../shared/use-cases/sweep-stalled-orders';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
    STALLED_AFTER_MINUTES: z.coerce.number().check(z.positive()),
    /** Local demos run clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);
const db = dynamoDocumentClient();
const sweep = makeSweepStalledOrders({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  workflow: makeSfnOrderWorkflow(new SFNClient({}), config.ORDER_WORKFLOW_ARN),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  once: makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date()),
  clock: systemClock,
  stalledAfterMs: (config.STALLED_AFTER_MINUTES * 60_000) / config.TRADEFLOW_TIME_SCALE,
});

export const handler = middy<unknown, { examined: number; restarted: number }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweep();
    logger.info('stalled-order sweep', result);
    return result;
  });
