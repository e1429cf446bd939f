import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCommunicationLog } from '../../shared/adapters/dynamodb-communications';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { makeRecordOrderCommunication } from '../../shared/use-cases/customer-communications';
import { parseEvent } from '../../shared/use-cases/incoming-event';
import * as z from '../../shared/zod-mini';

const config = loadConfig(z.object({ CUSTOMERS_TABLE: z.string().check(z.minLength(1)) }));
const record = makeRecordOrderCommunication({
  communications: makeDynamoCommunicationLog(dynamoDocumentClient(), config.CUSTOMERS_TABLE),
});

/** EventBridge target of `order-communications`: each order received, in its customer's history. */
export const handler = eventHandler('order communication', async (event) =>
  record(parseEvent('OrderReceived', event.detail)),
);
