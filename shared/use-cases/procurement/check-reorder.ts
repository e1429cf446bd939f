import type { DomainEvent } from '../../contracts/events';
import type { ReplenishmentRequest } from '../../domain/procurement';
import { normalizedStock, replenishmentQuantity } from '../../domain/stock-levels';
import type { Clock } from '../../ports/clock';
import type { EventPublisher } from '../../ports/events';
import type { InventoryRepository } from '../../ports/inventory';
import type { ProcurementRepository } from '../../ports/procurement';
import { procurementId } from './procurement-ids';

/** How long the check that raised a request has to announce it before another check does. */
const ANNOUNCE_GRACE_MS = 60_000;

export interface CheckReorderDeps {
  inventory: Pick<InventoryRepository, 'getStock'>;
  procurement: ProcurementRepository;
  events: EventPublisher;
  clock: Clock;
}

/**
 * Raises a replenishment request for each warehouse of the sku whose available plus incoming units
 * are at or below its reorder point, up to the maximum. Once: the open request is a marker written
 * only if absent, so many reservations crossing the point together raise one, and none is raised
 * again while it is open. ReplenishmentRequested is published by the check that raised it; if that
 * one died before marking it announced, a later check publishes it (with the same changeId). Returns the requests
 * announced by this call.
 */
export function makeCheckReorder({ inventory, procurement, events, clock }: CheckReorderDeps) {
  return async (sku: string): Promise<ReplenishmentRequest[]> => {
    const current = await inventory.getStock(sku);
    if (!current) return [];
    const stock = normalizedStock(current, sku);
    const announced: ReplenishmentRequest[] = [];
    for (const [warehouse, levels] of Object.entries(stock.warehouses).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const quantity = replenishmentQuantity(levels);
      if (quantity === 0) continue;
      const now = clock.now();
      const { raised, open } = await procurement.raiseReplenishment({
        requestId: procurementId('rpl'),
        sku,
        warehouse,
        quantity,
        raisedAt: now.toISOString(),
        announced: false,
      });
      // The check that raised it announces it; another announces it only if that one evidently died
      // before marking it (same changeId: consumers take it once either way).
      const orphaned = !open.announced && now.getTime() - Date.parse(open.raisedAt) > ANNOUNCE_GRACE_MS;
      if (!raised && !orphaned) continue;
      await events.publish([requested(open, levels)]);
      await procurement.markAnnounced(sku, warehouse, open.requestId);
      announced.push({ ...open, announced: true });
    }
    return announced;
  };
}

function requested(
  request: ReplenishmentRequest,
  levels: { available: number; incoming: number; reorderPoint?: number; maxStock?: number },
): DomainEvent {
  return {
    type: 'ReplenishmentRequested',
    detail: {
      version: 1,
      changeId: `${request.requestId}:ReplenishmentRequested`,
      occurredAt: request.raisedAt,
      orderId: request.requestId,
      requestId: request.requestId,
      sku: request.sku,
      warehouse: request.warehouse,
      quantity: request.quantity,
      available: levels.available,
      incoming: levels.incoming,
      reorderPoint: levels.reorderPoint ?? 0,
      ...(levels.maxStock !== undefined ? { maxStock: levels.maxStock } : {}),
    },
  };
}
