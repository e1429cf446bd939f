import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCommunicationLog } from '../../shared/adapters/dynamodb-communications';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoEmailSuppressionList } from '../../shared/adapters/dynamodb-email-suppressions';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { makeHandleEmailFeedback } from '../../shared/use-cases/handle-email-feedback';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const handleEmailFeedback = makeHandleEmailFeedback({
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  suppressions: makeDynamoEmailSuppressionList(db, config.CUSTOMERS_TABLE),
  communications: makeDynamoCommunicationLog(db, config.CUSTOMERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
});

/** EventBridge target of `buyer-email-feedback` (default bus): SES' bounces and complaints. */
export const handler = eventHandler('email feedback', handleEmailFeedback);
