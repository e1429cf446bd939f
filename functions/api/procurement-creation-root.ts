import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoInventoryRepository } from '../../shared/adapters/dynamodb-inventory';
import { makeDynamoProcurementRepository } from '../../shared/adapters/dynamodb-procurement';
import { loadConfig } from '../../shared/config';
import { dynamoIdempotencyStore, idempotentApi } from '../../shared/http/idempotency';
import { systemClock } from '../../shared/ports/clock';
import * as z from '../../shared/zod-mini';
import { refreshStockWaitsRoot } from './stock-waits-root';

/**
 * The composition root POST /suppliers and POST /purchase-orders share (not an entry itself): both
 * check the skus against the inventory, write to the procurement table, refresh the stock waits of
 * those skus, and answer a retried Idempotency-Key from the store, under their own `scope`.
 */
export function procurementCreationRoot(scope: string) {
  const config = loadConfig(
    z.object({
      PROCUREMENT_TABLE: z.string().check(z.minLength(1)),
      INVENTORY_TABLE: z.string().check(z.minLength(1)),
      IDEMPOTENCY_TABLE: z.string().check(z.minLength(1)),
    }),
  );
  const db = dynamoDocumentClient();
  return {
    deps: {
      procurement: makeDynamoProcurementRepository(db, config.PROCUREMENT_TABLE),
      inventory: makeDynamoInventoryRepository(db, config.INVENTORY_TABLE),
      clock: systemClock,
      refreshWaits: refreshStockWaitsRoot(db),
    },
    idempotent: idempotentApi({ scope, store: dynamoIdempotencyStore(config.IDEMPOTENCY_TABLE) }),
  };
}
