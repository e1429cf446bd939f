import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { buyerMailerFromConfig } from '../../shared/adapters/buyer-mailer-from-config';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { inquiryIdParam, replyToInquiryBody } from '../../shared/contracts/inquiries';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotencyKeyOf, idempotentApi } from '../../shared/http/idempotency';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeReplyToInquiry } from '../../shared/use-cases/inquiries/reply-to-inquiry';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INQUIRIES_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const replyToInquiry = makeReplyToInquiry({
  inquiries: makeDynamoInquiryRepository(db, config.INQUIRIES_TABLE),
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  // Suppressed addresses are refused; the email is the reply's entry in the customer's history.
  mailer: buyerMailerFromConfig(db, config),
  once: makeDynamoOnceLog(db, config.INQUIRIES_TABLE, () => new Date()),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

const idempotent = idempotentApi({
  scope: 'reply-to-inquiry',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /inquiries/{id}/replies (sales, admin): the reply emailed to the buyer and logged. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const reply = await replyToInquiry(
      pathParam(event, 'id', inquiryIdParam),
      parseBody(event, replyToInquiryBody),
      callerOf(event),
      idempotencyKeyOf(event),
    );
    return json(201, reply);
  }),
);
