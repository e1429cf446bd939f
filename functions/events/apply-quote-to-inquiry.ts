import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInquiryRepository } from '../../shared/adapters/dynamodb-inquiries';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { makeApplyQuoteToInquiry } from '../../shared/use-cases/inquiries/apply-quote-to-inquiry';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INQUIRIES_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);

/** EventBridge target of `inquiry-quotes`: a quote sent or accepted for an inquiry moves it on. */
export const handler = eventHandler(
  'quote for an inquiry',
  makeApplyQuoteToInquiry({
    inquiries: makeDynamoInquiryRepository(dynamoDocumentClient(), config.INQUIRIES_TABLE),
    events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  }),
);
