import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { makeNotifyBuyer } from '../../shared/use-cases/notify-buyer';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
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

/** EventBridge target of `buyer-notifications`: one buyer email per change (types without one are skipped). */
export const handler = eventHandler('buyer notification', notifyBuyer);
