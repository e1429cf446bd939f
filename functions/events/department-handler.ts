import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoOrderFacts } from '../../shared/adapters/dynamodb-order-facts';
import { makeDynamoSubscriptionRepository } from '../../shared/adapters/dynamodb-subscriptions';
import { makeHttpWebhookSender } from '../../shared/adapters/http-webhook-sender';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import type { Department } from '../../shared/email/department/next-steps';
import { eventHandler } from '../../shared/events/event-handler';
import { consoleOrderUrl } from '../../shared/http/console-links';
import { systemClock } from '../../shared/ports/clock';
import { makeDeliverToSubscriptions } from '../../shared/use-cases/deliver-to-subscriptions';
import { makeNotifyDepartment } from '../../shared/use-cases/notify-department';
import { addressRulesOf, loopbackSetting } from '../../shared/webhooks/address-rules';
import * as z from '../../shared/zod-mini';

/**
 * The composition root the five `notify-<department>` entries share (not an entry itself). Called at
 * module scope by each entry, so config is parsed and clients are made once per cold start; a
 * function deployed with another department's DEPARTMENT fails there.
 */
export function departmentHandler(department: Department) {
  const config = loadConfig(
    z.object({
      DEPARTMENT: z.literal(department),
      DEPARTMENT_EMAIL: z.email(),
      ORDERS_TABLE: z.string().check(z.minLength(1)),
      BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
      BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
      SUBSCRIPTIONS_TABLE: z.string().check(z.minLength(1)),
      CONSOLE_URL: z.optional(z.url({ protocol: /^https?$/ })),
      ...loopbackSetting,
    }),
  );
  const db = dynamoDocumentClient();
  const mailer = makeSesMailer(
    new SESv2Client({}),
    config.BUYER_MAIL_FROM,
    config.BUYER_MAIL_FROM_CONFIGURATION_SET,
  );
  const once = makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date());
  const orderUrl = consoleOrderUrl(config.CONSOLE_URL);
  const notify = makeNotifyDepartment({
    department,
    to: config.DEPARTMENT_EMAIL,
    mailer,
    once,
    orderUrl,
    subscriptions: makeDeliverToSubscriptions({
      department,
      subscriptions: makeDynamoSubscriptionRepository(db, config.SUBSCRIPTIONS_TABLE),
      orderFacts: makeDynamoOrderFacts(db, config.ORDERS_TABLE),
      mailer,
      webhooks: makeHttpWebhookSender(addressRulesOf(config)),
      once,
      clock: systemClock,
      orderUrl,
    }),
  });
  return eventHandler(`${department} notice`, notify);
}
