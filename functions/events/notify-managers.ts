import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { makeNotifyManagers } from '../../shared/use-cases/notify-managers';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    DEFAULT_MANAGER_EMAIL: z.email(),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const notify = makeNotifyManagers({
  settings: makeDynamoEscalationSettings(db, config.SETTINGS_TABLE, { cacheMs: 60_000 }),
  defaultManager: config.DEFAULT_MANAGER_EMAIL,
  mailer: makeSesMailer(
    new SESv2Client({}),
    config.BUYER_MAIL_FROM,
    config.BUYER_MAIL_FROM_CONFIGURATION_SET,
  ),
  once: makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date()),
});

/** EventBridge target of `manager-escalations`: level 2 and up of an escalation, to the manager. */
export const handler = eventHandler('manager notice', notify);
