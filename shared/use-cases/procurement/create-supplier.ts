import type { CreateSupplierBody } from '../../contracts/procurement';
import type { Supplier } from '../../domain/procurement';
import { InvalidInputError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type { InventoryRepository } from '../../ports/inventory';
import type { ProcurementRepository } from '../../ports/procurement';
import { procurementId } from './procurement-ids';

/**
 * POST /suppliers: a supplier with its lead time, made the supplier of the skus it lists (the last
 * one registered for a sku is its supplier). Its lead time sets the SLA of orders waiting for those
 * skus when no purchase order covers them. The same Idempotency-Key gives the same supplier.
 */
export function makeCreateSupplier(deps: {
  procurement: ProcurementRepository;
  inventory: Pick<InventoryRepository, 'missingProducts'>;
  clock: Clock;
  /** The orders already waiting for its skus get its lead time as their stock wait's SLA (makeRefreshStockWaits). */
  refreshWaits?: (skus: string[]) => Promise<unknown>;
}) {
  return async (body: CreateSupplierBody, idempotencyKey?: string): Promise<Supplier> => {
    const skus = [...new Set(body.skus)];
    const missing = await deps.inventory.missingProducts(skus);
    if (missing.length) {
      throw new InvalidInputError(
        `not products: ${missing.join(', ')} (POST /products first)`,
        `skus.${body.skus.indexOf(missing[0])}`,
      );
    }
    const supplier: Supplier = {
      supplierId: procurementId('sup', idempotencyKey),
      name: body.name,
      leadTimeDays: body.leadTimeDays,
      ...(body.currency ? { currency: body.currency } : {}),
      skus,
      createdAt: deps.clock.now().toISOString(),
    };
    await deps.procurement.saveSupplier(supplier);
    await deps.refreshWaits?.(skus);
    return supplier;
  };
}
