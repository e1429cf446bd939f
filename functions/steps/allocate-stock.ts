import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { stepHandler } from '../../shared/steps/step-handler';
import { makeAllocateStock } from '../../shared/use-cases/allocate-stock';
import { makeSupplyOutlook } from '../../shared/use-cases/procurement/supply-outlook';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    INVENTORY_TABLE: z.string().check(z.minLength(1)),
    EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
  }),
);
const db = dynamoDocumentClient();
const inventory = makeDynamoInventoryRepository(db, config.INVENTORY_TABLE);
const allocateStock = makeAllocateStock({
  orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
  inventory,
  events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
  clock: systemClock,
  // The stock wait's SLA: the short skus' supplier lead time, or the date of the POs covering them.
  supply: makeSupplyOutlook({
    procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
    inventory,
  }),
});

/**
 * Input `{ orderId }`; output `{ complete, readyToPack, backorder }` (nothing to pack: the workflow waits
 * for stock, then runs this again; a backorder: the shipment packed now is a part, and it comes back here).
 */
export const handler = stepHandler(z.object({ orderId: z.string().check(z.minLength(1)) }), ({ orderId }) =>
  allocateStock(orderId),
);
