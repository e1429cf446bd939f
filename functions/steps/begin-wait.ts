import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { makeSfnWorkflowCallbacks } from '../../shared/adapters/sfn-workflow-callbacks';
import { loadConfig } from '../../shared/config';
import { WAIT_KINDS } from '../../shared/domain/order';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeBeginWait } from '../../shared/use-cases/begin-wait';
import { makeStockAvailable } from '../../shared/use-cases/stock-available';
import { scheduledSteps } from '../../shared/use-cases/wait-schedule';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    /** Local demos run clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);
const db = dynamoDocumentClient();
// Read at most once a minute per warm function: a settings change reaches new waits within a minute.
const settings = makeDynamoEscalationSettings(db, config.SETTINGS_TABLE, { cacheMs: 60_000 });
const beginWait = makeBeginWait({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  callbacks: makeSfnWorkflowCallbacks(new SFNClient({})),
  clock: systemClock,
  stockAvailable: makeStockAvailable(makeDynamoInventoryRepository(db, config.INVENTORY_TABLE)),
  firstDueAt: async (order, wait, since) =>
    scheduledSteps(order, wait, since, await settings.get(), config.TRADEFLOW_TIME_SCALE)[0]?.at,
});

const input = z.object({
  orderId: z.string().check(z.minLength(1)),
  wait: z.enum(WAIT_KINDS),
  taskToken: z.string().check(z.minLength(1)),
});

export const handler = stepHandler(input, (wait) => beginWait(wait));
