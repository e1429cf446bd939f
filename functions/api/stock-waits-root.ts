import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { makeRefreshStockWaits } from '../../shared/use-cases/procurement/refresh-stock-waits';
import { makeSupplyOutlook } from '../../shared/use-cases/procurement/supply-outlook';
import * as z from '../../shared/zod-mini';

/**
 * The composition root of makeRefreshStockWaits, shared by POST /suppliers and POST /purchase-orders
 * (not an entry itself): the orders waiting for their skus get the new date as their stock wait's SLA.
 */
export function refreshStockWaitsRoot(db: DynamoDBDocumentClient) {
  const config = loadConfig(
    z.object({
      ORDERS_TABLE: z.string().check(z.minLength(1)),
      INVENTORY_TABLE: z.string().check(z.minLength(1)),
      PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
      SETTINGS_TABLE: z.string().check(z.minLength(1)),
      /** Local demos run clocks faster; absent on AWS. */
      TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
    }),
  );
  const inventory = makeDynamoInventoryRepository(db, config.INVENTORY_TABLE);
  return makeRefreshStockWaits({
    orders: makeDynamoOrderRepository(db, config.ORDERS_TABLE),
    inventory,
    supply: makeSupplyOutlook({
      procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
      inventory,
    }),
    settings: makeDynamoEscalationSettings(db, config.SETTINGS_TABLE, { cacheMs: 60_000 }),
    timeScale: config.TRADEFLOW_TIME_SCALE,
  });
}
