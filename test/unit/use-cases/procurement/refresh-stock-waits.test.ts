import { DEFAULT_ESCALATION_SETTINGS } from '../../../../shared/domain/escalation-settings';
import { makeRefreshStockWaits } from '../../../../shared/use-cases/procurement/refresh-stock-waits';
import { makeSupplyOutlook } from '../../../../shared/use-cases/procurement/supply-outlook';
import { PROCUREMENT, procurementWorld } from './procurement-world';

/** A supplier or purchase order registered after an order began waiting moves that wait's SLA. */
describe('refreshing the stock waits of orders already waiting', () => {
  function world() {
    const w = procurementWorld();
    const refresh = makeRefreshStockWaits({
      orders: w.orders,
      inventory: w.inventory,
      supply: makeSupplyOutlook({ procurement: w.procurement, inventory: w.inventory }),
      settings: { get: async () => DEFAULT_ESCALATION_SETTINGS },
    });
    return { w, refresh };
  }

  it("follows the supplier's lead time, then the purchase order's date, and changes nothing when run again", async () => {
    // Prepare: an order short of 40 valves waits with no supplier known
    const { w, refresh } = world();
    await w.setStock('VALVE-DN50', { onHand: 0 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 40 }]);
    await w.allocateStock(order.orderId);
    await w.waitForStock(order.orderId);
    const since = Date.parse((await w.orders.get(order.orderId))!.pendingWait!.since);
    const days = (iso?: string) => (Date.parse(iso ?? '') - since) / 86_400_000;

    // Act: a supplier with a 21-day lead time
    const supplier = await w.createSupplier({ name: 'Ningbo', leadTimeDays: 21, skus: ['VALVE-DN50'] });
    const byLeadTime = await refresh(['VALVE-DN50']);
    const afterSupplier = (await w.orders.get(order.orderId))!;

    // Act: a purchase order covering it, expected on 2027-01-15
    await w.createPurchaseOrder(
      {
        supplierId: supplier.supplierId,
        expectedDate: '2027-01-15',
        currency: 'USD',
        lines: [{ sku: 'VALVE-DN50', quantity: 50, unitCost: '7.10' }],
        requestIds: [],
      },
      PROCUREMENT,
    );
    const byPurchaseOrder = await refresh(['VALVE-DN50']);
    const again = await refresh(['VALVE-DN50']);
    const afterPo = (await w.orders.get(order.orderId))!;

    // Assess
    expect(byLeadTime).toEqual([order.orderId]);
    expect(afterSupplier.supply).toEqual({ supplierLeadTimeDays: 21 });
    expect(days(afterSupplier.pendingWait?.dueAt)).toBeCloseTo(21, 1);
    expect(byPurchaseOrder).toEqual([order.orderId]);
    expect(afterPo.supply).toEqual({ stockExpectedAt: '2027-01-15T00:00:00.000Z' });
    expect(afterPo.pendingWait).toMatchObject({ kind: 'stock', dueAt: '2027-01-15T00:00:00.000Z' });
    expect(again).toEqual([]);
    expect(afterPo.status).toBe('AWAITING_STOCK');
  });

  it('leaves alone a cancelled order and one whose wait is over', async () => {
    // Prepare
    const { w, refresh } = world();
    await w.setStock('VALVE-DN50', { onHand: 0 });
    const cancelled = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 5 }]);
    const moved = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 5 }]);
    for (const order of [cancelled, moved]) {
      await w.allocateStock(order.orderId);
      await w.waitForStock(order.orderId);
    }
    const c = (await w.orders.get(cancelled.orderId))!;
    await w.orders.save({
      ...c,
      cancellation: { reason: 'x', at: c.updatedAt } as never,
      version: c.version + 1,
    });
    const m = (await w.orders.get(moved.orderId))!;
    await w.orders.save({ ...m, status: 'IN_PRODUCTION', version: m.version + 1 });
    await w.createSupplier({ name: 'Ningbo', leadTimeDays: 21, skus: ['VALVE-DN50'] });
    const before = [(await w.orders.get(cancelled.orderId))!, (await w.orders.get(moved.orderId))!];

    // Act
    const changed = await refresh(['VALVE-DN50']);

    // Assess
    expect(changed).toEqual([]);
    expect(await w.orders.get(cancelled.orderId)).toEqual(before[0]);
    expect(await w.orders.get(moved.orderId)).toEqual(before[1]);
  });
});
