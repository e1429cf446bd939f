import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeSesMailer } from '../../shared/adapters/ses-mailer';
import { loadConfig } from '../../shared/config';
import type { Department } from '../../shared/email/department/next-steps';
import { eventHandler } from '../../shared/events/event-handler';
import { makeNotifyDepartment } from '../../shared/use-cases/notify-department';
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
    }),
  );
  const db = dynamoDocumentClient();
  const notify = makeNotifyDepartment({
    department,
    to: config.DEPARTMENT_EMAIL,
    mailer: makeSesMailer(
      new SESv2Client({}),
      config.BUYER_MAIL_FROM,
      config.BUYER_MAIL_FROM_CONFIGURATION_SET,
    ),
    once: makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date()),
  });
  return eventHandler(`${department} notice`, notify);
}
