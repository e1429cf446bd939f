import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { z } from 'zod';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import { orderReceivedV1 } from '../../shared/contracts/events';
import { logger, tracer } from '../../shared/observability';
import { makeNotifyBuyer } from '../../shared/use-cases/notify-buyer';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().min(1),
    CUSTOMERS_TABLE: z.string().min(1),
    BUYER_MAIL_FROM: z.string().min(3),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().min(1),
  }),
);
const db = dynamoDocumentClient();
const notifyBuyer = makeNotifyBuyer({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  mailer: makeSesMailer(
    new SESv2Client({}),
    config.BUYER_MAIL_FROM,
    config.BUYER_MAIL_FROM_CONFIGURATION_SET,
  ),
  once: makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date()),
});

/** EventBridge target; throwing makes the bus retry, then dead-letter. */
export const handler = middy<EventBridgeEvent<string, unknown>, string>()
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    if (event['detail-type'] !== 'OrderReceived')
      throw new Error(`notify-buyer got an unexpected ${event['detail-type']}`);
    const outcome = await notifyBuyer({ type: 'OrderReceived', detail: orderReceivedV1.parse(event.detail) });
    logger.info('buyer notification', { eventId: event.id, outcome });
    return outcome;
  });
