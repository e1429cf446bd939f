import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { systemClock } from '../../shared/ports/clock';
import { makeCheckReorder } from '../../shared/use-cases/procurement/check-reorder';
import { makeReorderAfterAllocation } from '../../shared/use-cases/procurement/reorder-after-allocation';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();

/** EventBridge target of `reorder-after-allocation`: reservations made, reorder points checked. */
export const handler = eventHandler(
  'reorder check',
  makeReorderAfterAllocation(
    makeCheckReorder({
      inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
      procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
      events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
      clock: systemClock,
    }),
  ),
);
