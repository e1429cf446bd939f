import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import {
  makeDynamoInquiryRepository,
  makeDynamoOverdueInquiries,
} from '../../shared/adapters/dynamodb-inquiries';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoOpenWaitIndex } from '../../shared/adapters/dynamodb-open-waits';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import { makeEscalateOverdueWaits, type SweepResult } from '../../shared/use-cases/escalate-overdue-waits';
import { makeEscalateOverdueInquiries } from '../../shared/use-cases/inquiries/escalate-overdue-inquiries';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    INQUIRIES_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    /** Local demos run clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);
const db = dynamoDocumentClient();
const sweep = makeEscalateOverdueWaits({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  openWaits: makeDynamoOpenWaitIndex(db, config.ORDERS_TABLE),
  settings: makeDynamoEscalationSettings(db, config.SETTINGS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  once: makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date()),
  clock: systemClock,
  timeScale: config.TRADEFLOW_TIME_SCALE,
});
// Inquiries' first replies: the same sweep over the inquiries table's own open-waits index.
const sweepInquiries = makeEscalateOverdueInquiries({
  inquiries: makeDynamoInquiryRepository(db, config.INQUIRIES_TABLE),
  overdue: makeDynamoOverdueInquiries(db, config.INQUIRIES_TABLE),
  settings: makeDynamoEscalationSettings(db, config.SETTINGS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  once: makeDynamoOnceLog(db, config.INQUIRIES_TABLE, () => new Date()),
  clock: systemClock,
  timeScale: config.TRADEFLOW_TIME_SCALE,
});

/** The `escalate` schedule: every wait (an order's, an inquiry's first reply) past an SLA step is raised, once per level. */
export const handler = middy<unknown, SweepResult & { inquiries: SweepResult }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await sweep();
    const inquiries = await sweepInquiries();
    logger.info('escalation sweep', { ...result, inquiries });
    return { ...result, inquiries };
  });
