import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerNames } from '../../shared/adapters/dynamodb-customer-names';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoStaffDirectory } from '../../shared/adapters/dynamodb-staff-directory';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { CONSOLE_CUSTOMER_PATH, consolePageUrl } from '../../shared/http/console-links';
import { makeNotifyDormantOwner } from '../../shared/use-cases/staff/notify-dormant-owner';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    STAFF_TABLE: z.string().check(z.minLength(1)),
    SALES_MAILBOX: z.email(),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
    CONSOLE_URL: z.optional(z.url({ protocol: /^https?$/ })),
  }),
);
const db = dynamoDocumentClient();
const notify = makeNotifyDormantOwner({
  staff: makeDynamoStaffDirectory(db, config.STAFF_TABLE),
  customers: makeDynamoCustomerNames(db, config.CUSTOMERS_TABLE),
  mailer: makeSesMailer(
    new SESv2Client({}),
    config.BUYER_MAIL_FROM,
    config.BUYER_MAIL_FROM_CONFIGURATION_SET,
  ),
  // Beside the nudge's own claims (`NUDGE#<week>`), in the customers table.
  once: makeDynamoOnceLog(db, config.CUSTOMERS_TABLE, () => new Date()),
  salesMailbox: config.SALES_MAILBOX,
  customerUrl: consolePageUrl(config.CONSOLE_URL, CONSOLE_CUSTOMER_PATH),
});

/** EventBridge target of `dormant-customer-nudges`: each owner's weekly email, once per week. */
export const handler = eventHandler('dormant nudge', notify);
