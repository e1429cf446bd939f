import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoStaffDirectory } from '../../shared/adapters/dynamodb-staff-directory';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { CONSOLE_QUOTE_PATH, consolePageUrl } from '../../shared/http/console-links';
import { makeNotifySalesManagers } from '../../shared/use-cases/staff/notify-sales-managers';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    STAFF_TABLE: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    DEFAULT_MANAGER_EMAIL: z.email(),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
    CONSOLE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  }),
);
const db = dynamoDocumentClient();
const notify = makeNotifySalesManagers({
  staff: makeDynamoStaffDirectory(db, config.STAFF_TABLE),
  settings: makeDynamoEscalationSettings(db, config.SETTINGS_TABLE, { cacheMs: 60_000 }),
  defaultManager: config.DEFAULT_MANAGER_EMAIL,
  mailer: makeSesMailer(
    new SESv2Client({}),
    config.BUYER_MAIL_FROM,
    config.BUYER_MAIL_FROM_CONFIGURATION_SET,
  ),
  // Beside the quote's other notices (`ORDER#<quoteId>`), as notify-sales and notify-managers keep them.
  once: makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date()),
  quoteUrl: consolePageUrl(config.CONSOLE_URL, CONSOLE_QUOTE_PATH),
});

/** EventBridge target of `quote-approval-requests`: every active sales manager, once per revision. */
export const handler = eventHandler('sales manager notice', notify);
