import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoStorefrontRepository } from '../../shared/adapters/dynamodb-storefronts';
import { makeDynamoTrackingTokens } from '../../shared/adapters/dynamodb-tracking-tokens';
import { makeDynamoWebhookInbox } from '../../shared/adapters/dynamodb-webhook-inbox';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnOrderWorkflow } from '../../shared/adapters/sfn-order-workflow';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { newId } from '../../shared/ids';
import { systemClock } from '../../shared/ports/clock';
import { makeApplyStorefrontOrder } from '../../shared/use-cases/apply-storefront-order';
import { makeCreateCustomer } from '../../shared/use-cases/create-customer';
import { parseEvent } from '../../shared/use-cases/incoming-event';
import { makeCancelOrder } from '../../shared/use-cases/order-actions/cancel-order';
import { makeRecordPayment } from '../../shared/use-cases/order-actions/record-payment';
import { makePlaceOrder } from '../../shared/use-cases/place-order';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ACCESS_TABLE: z.string().check(z.minLength(1)),
    INBOX_TABLE: z.string().check(z.minLength(1)),
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    ORDER_WORKFLOW_ARN: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const orders = makeDynamoOrderRepository(db, config.ORDERS_TABLE);
const customers = makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE);
const sfn = new SFNClient({});
const actionDeps = {
  orders,
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  callbacks: makeSfnWorkflowCallbacks(sfn),
  clock: systemClock,
};
const apply = makeApplyStorefrontOrder({
  inbox: makeDynamoWebhookInbox(db, config.INBOX_TABLE),
  storefronts: makeDynamoStorefrontRepository(db, config.ACCESS_TABLE),
  customers,
  orders,
  createCustomer: makeCreateCustomer({ customers, clock: systemClock, newId }),
  placeOrder: makePlaceOrder({
    orders,
    customers,
    workflow: makeSfnOrderWorkflow(sfn, config.ORDER_WORKFLOW_ARN),
    clock: systemClock,
    newId,
    trackingTokens: makeDynamoTrackingTokens(db, config.ORDERS_TABLE),
  }),
  recordPayment: makeRecordPayment(actionDeps),
  cancelOrder: makeCancelOrder(actionDeps),
});

/** EventBridge target of `storefront-orders`: a kept shop-order webhook becomes (a change of) an order. */
export const handler = eventHandler('storefront order', async (event) => {
  const { detail } = parseEvent('StorefrontOrderReceived', event.detail);
  return apply(detail);
});
