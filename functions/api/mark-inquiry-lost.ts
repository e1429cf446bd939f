import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { inquiryIdParam, markInquiryLostBody } from '../../shared/contracts/inquiries';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { inquiryView } from '../../shared/http/inquiry-views';
import { parseBody, pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { systemClock } from '../../shared/ports/clock';
import { makeMarkInquiryLost } from '../../shared/use-cases/inquiries/mark-inquiry-lost';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INQUIRIES_TABLE: z.string().check(z.minLength(1)),
    IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const markLost = makeMarkInquiryLost({
  inquiries: makeDynamoInquiryRepository(dynamoDocumentClient(), config.INQUIRIES_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
});

const idempotent = idempotentApi({
  scope: 'mark-inquiry-lost',
  store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE),
});

/** POST /inquiries/{id}/lost (sales, admin): LOST, with a reason. */
export const handler = apiHandler(
  idempotent(async (event) => {
    const inquiry = await markLost(
      pathParam(event, 'id', inquiryIdParam),
      parseBody(event, markInquiryLostBody),
      callerOf(event),
    );
    return json(200, inquiryView(inquiry));
  }),
);
