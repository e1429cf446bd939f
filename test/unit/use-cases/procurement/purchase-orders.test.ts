import { DEFAULT_ESCALATION_SETTINGS } from '../../../../shared/domain/escalation-settings';
import { InvalidInputError } from '../../../../shared/errors';
import { scheduledSteps } from '../../../../shared/use-cases/wait-schedule';
import { PROCUREMENT, procurementWorld, WAREHOUSE } from './procurement-world';

async function supplied() {
  const w = procurementWorld();
  const supplier = await w.createSupplier(
    { name: 'Ningbo Valve Works', leadTimeDays: 21, skus: ['VALVE-DN50'] },
    'sup-key',
  );
  return { w, supplier };
}

describe('the reorder point', () => {
  it('raises one replenishment request up to the maximum however many reservations cross it together', async () => {
    // Prepare
    const w = procurementWorld();
    await w.setStock('VALVE-DN50', { onHand: 100, reorderPoint: 30, maxStock: 200 });
    for (let i = 0; i < 10; i++) await w.inventory.reserve('VALVE-DN50', `ord_${i}`, 8);

    // Act: every reservation's check at once, then again later
    const announced = await Promise.all(Array.from({ length: 10 }, () => w.checkReorder('VALVE-DN50')));
    const later = await w.checkReorder('VALVE-DN50');

    // Assess
    expect(announced.flat()).toHaveLength(1);
    expect(later).toEqual([]);
    expect(w.procurement.raised).toHaveLength(1);
    expect(w.procurement.raised[0]).toMatchObject({ sku: 'VALVE-DN50', warehouse: 'MAIN', quantity: 180 });
    const requested = w.published().filter((event) => event.type === 'ReplenishmentRequested');
    expect(requested.map((event) => event.detail)).toEqual([
      expect.objectContaining({
        sku: 'VALVE-DN50',
        quantity: 180,
        available: 20,
        reorderPoint: 30,
        maxStock: 200,
      }),
    ]);
  });

  it('raises nothing while what is incoming keeps the warehouse above its reorder point', async () => {
    // Prepare
    const w = procurementWorld();
    await w.setStock('PUMP-3KW', { onHand: 5, reorderPoint: 10, maxStock: 40 });
    await w.inventory.expectIncoming('PUMP-3KW', 'MAIN', 20, 'po:x:1');

    // Act
    const announced = await w.checkReorder('PUMP-3KW');

    // Assess
    expect(announced).toEqual([]);
  });
});

describe('purchase orders', () => {
  it('closes the request it answers when received in full, and makes stock incoming until then', async () => {
    // Prepare
    const { w, supplier } = await supplied();
    await w.setStock('VALVE-DN50', { onHand: 10, reorderPoint: 20, maxStock: 100 });
    const [request] = await w.checkReorder('VALVE-DN50');

    // Act
    const po = await w.createPurchaseOrder(
      {
        supplierId: supplier.supplierId,
        currency: 'USD',
        lines: [{ sku: 'VALVE-DN50', quantity: request.quantity, unitCost: '7.10' }],
        requestIds: [request.requestId],
      },
      PROCUREMENT,
      'po-key',
    );
    const again = await w.createPurchaseOrder(
      {
        supplierId: supplier.supplierId,
        currency: 'USD',
        lines: [{ sku: 'VALVE-DN50', quantity: request.quantity, unitCost: '7.10' }],
        requestIds: [request.requestId],
      },
      PROCUREMENT,
      'po-key',
    );
    const incoming = (await w.inventory.getStock('VALVE-DN50'))!.warehouses!.MAIN.incoming;
    const half = await w.receivePurchaseOrder(
      po.purchaseOrderId,
      { lines: [{ sku: 'VALVE-DN50', quantity: 40 }] },
      WAREHOUSE,
      'r1',
    );
    const stillOpen = await w.procurement.getReplenishment('VALVE-DN50', 'MAIN');
    const rest = await w.receivePurchaseOrder(
      po.purchaseOrderId,
      { lines: [{ lineNo: 1, quantity: 50 }] },
      WAREHOUSE,
      'r2',
    );
    const retried = await w.receivePurchaseOrder(
      po.purchaseOrderId,
      { lines: [{ lineNo: 1, quantity: 50 }] },
      WAREHOUSE,
      'r2',
    );

    // Assess
    expect(again.purchaseOrderId).toBe(po.purchaseOrderId);
    expect(po).toMatchObject({ status: 'OPEN', expectedDate: '2026-12-18', requestIds: [request.requestId] });
    expect(incoming).toBe(90);
    expect(half.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');
    expect(stillOpen).toMatchObject({ requestId: request.requestId, purchaseOrderId: po.purchaseOrderId });
    expect(rest.purchaseOrder.status).toBe('RECEIVED');
    expect(retried.purchaseOrder.receipts).toHaveLength(2);
    expect(await w.procurement.getReplenishment('VALVE-DN50', 'MAIN')).toBeUndefined();
    expect((await w.inventory.getStock('VALVE-DN50'))!.warehouses!.MAIN).toEqual({
      onHand: 100,
      available: 100,
      incoming: 0,
      reorderPoint: 20,
      maxStock: 100,
    });
    const receipts = await w.inventory.listMovements('VALVE-DN50', { limit: 10 });
    expect(
      receipts.items.filter((m) => m.reason === 'receipt').map((m) => [m.quantity, m.purchaseOrderId]),
    ).toEqual([
      [50, po.purchaseOrderId],
      [40, po.purchaseOrderId],
    ]);
  });

  it('resumes the waiting order once two partial receipts have brought enough', async () => {
    // Prepare
    const { w, supplier } = await supplied();
    await w.setStock('VALVE-DN50', { onHand: 0 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 60 }]);
    await w.allocateStock(order.orderId);
    const token = await w.waitForStock(order.orderId);
    const po = await w.createPurchaseOrder(
      {
        supplierId: supplier.supplierId,
        currency: 'USD',
        lines: [{ sku: 'VALVE-DN50', quantity: 100, unitCost: 7 }],
        requestIds: [],
      },
      PROCUREMENT,
    );

    // Act
    const first = await w.receivePurchaseOrder(
      po.purchaseOrderId,
      { lines: [{ sku: 'VALVE-DN50', quantity: 30 }] },
      WAREHOUSE,
      'a',
    );
    const second = await w.receivePurchaseOrder(
      po.purchaseOrderId,
      { lines: [{ sku: 'VALVE-DN50', quantity: 30 }] },
      WAREHOUSE,
      'b',
    );

    // Assess
    expect(first.resumedOrderIds).toEqual([]);
    expect(second.resumedOrderIds).toEqual([order.orderId]);
    expect(w.callbacks.succeeded.map((success) => success.token)).toEqual([token]);
    expect(second.purchaseOrder.lines[0]).toMatchObject({ received: 60, quantity: 100 });
  });

  it('refuses to receive more than is still to come, naming the line', async () => {
    // Prepare
    const { w, supplier } = await supplied();
    const po = await w.createPurchaseOrder(
      {
        supplierId: supplier.supplierId,
        currency: 'USD',
        lines: [{ sku: 'VALVE-DN50', quantity: 10, unitCost: 7 }],
        requestIds: [],
      },
      PROCUREMENT,
    );

    // Act
    const over = w.receivePurchaseOrder(
      po.purchaseOrderId,
      { lines: [{ sku: 'VALVE-DN50', quantity: 11 }] },
      WAREHOUSE,
    );

    // Assess
    await expect(over).rejects.toBeInstanceOf(InvalidInputError);
    await expect(over).rejects.toMatchObject({ field: 'lines.0.quantity' });
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({ onHand: 0 });
  });
});

describe("the stock wait's SLA", () => {
  it("counts from the supplier's lead time, or from the date of the purchase order that covers the shortfall", async () => {
    // Prepare
    const { w, supplier } = await supplied();
    await w.createSupplier({ name: 'Pump Co', leadTimeDays: 35, skus: ['PUMP-3KW'] });
    await w.setStock('VALVE-DN50', { onHand: 0 });
    await w.setStock('PUMP-3KW', { onHand: 0 });
    const byLeadTime = await w.orderFor([
      { sku: 'VALVE-DN50', quantity: 10 },
      { sku: 'PUMP-3KW', quantity: 2 },
    ]);
    await w.createPurchaseOrder(
      {
        supplierId: supplier.supplierId,
        currency: 'USD',
        expectedDate: '2026-12-05',
        lines: [{ sku: 'VALVE-DN50', quantity: 50, unitCost: 7 }],
        requestIds: [],
      },
      PROCUREMENT,
    );
    const byOrder = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 10 }]);

    // Act
    await w.allocateStock(byLeadTime.orderId);
    await w.allocateStock(byOrder.orderId);

    // Assess
    const longest = (await w.orders.get(byLeadTime.orderId))!;
    const covered = (await w.orders.get(byOrder.orderId))!;
    expect(longest.supply).toEqual({ supplierLeadTimeDays: 35, stockExpectedAt: '2026-12-05T00:00:00.000Z' });
    expect(covered.supply).toEqual({ stockExpectedAt: '2026-12-05T00:00:00.000Z' });
    const since = '2026-11-27T12:00:00.000Z';
    expect(scheduledSteps(covered, 'stock', since, DEFAULT_ESCALATION_SETTINGS)[0].dueAt).toBe(
      '2026-12-05T00:00:00.000Z',
    );
    expect(scheduledSteps(longest, 'stock', since, DEFAULT_ESCALATION_SETTINGS)[0].dueAt).toBe(
      '2027-01-01T12:00:00.000Z',
    );
  });
});
