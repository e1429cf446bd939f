import { makeInMemoryProcurementRepository } from '../../../../shared/adapters/in-memory/procurement';
import { makeAllocateStock } from '../../../../shared/use-cases/allocate-stock';
import { makeCheckReorder } from '../../../../shared/use-cases/procurement/check-reorder';
import { makeCreatePurchaseOrder } from '../../../../shared/use-cases/procurement/create-purchase-order';
import { makeCreateSupplier } from '../../../../shared/use-cases/procurement/create-supplier';
import { makeReceivePurchaseOrder } from '../../../../shared/use-cases/procurement/receive-purchase-order';
import { makeSupplyOutlook } from '../../../../shared/use-cases/procurement/supply-outlook';
import { makeResumeWaitingOrders } from '../../../../shared/use-cases/receive-inventory';
import { inventoryWorld } from '../inventory/inventory-world';

/** The inventory world plus procurement: suppliers, purchase orders, the reorder check, the stock wait's supply date. */
export function procurementWorld() {
  const w = inventoryWorld();
  const procurement = makeInMemoryProcurementRepository();
  const checkReorder = makeCheckReorder({
    inventory: w.inventory,
    procurement,
    events: w.events,
    clock: w.clock,
  });
  return {
    ...w,
    procurement,
    checkReorder,
    allocateStock: makeAllocateStock({
      orders: w.orders,
      inventory: w.inventory,
      events: w.events,
      clock: w.clock,
      supply: makeSupplyOutlook({ procurement, inventory: w.inventory }),
    }),
    createSupplier: makeCreateSupplier({ procurement, inventory: w.inventory, clock: w.clock }),
    createPurchaseOrder: makeCreatePurchaseOrder({ procurement, inventory: w.inventory, clock: w.clock }),
    receivePurchaseOrder: makeReceivePurchaseOrder({
      procurement,
      inventory: w.inventory,
      clock: w.clock,
      resumeWaiting: makeResumeWaitingOrders({
        inventory: w.inventory,
        orders: w.orders,
        callbacks: w.callbacks,
      }),
      checkReorder,
    }),
  };
}

export const PROCUREMENT = { kind: 'staff' as const, id: 'u-proc', role: 'procurement' };
export const WAREHOUSE = { kind: 'staff' as const, id: 'u-wh', role: 'warehouse' };
