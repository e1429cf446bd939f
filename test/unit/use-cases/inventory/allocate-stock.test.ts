import { ConcurrentUpdateError, NotFoundError } from '../../../../shared/errors';
import { OrderCancelledError } from '../../../../shared/use-cases/order-cancelled-error';
import { inventoryWorld } from './inventory-world';

describe('allocating stock to an order', () => {
  it('reserves every line when stock suffices and announces StockAllocated', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 500 });
    await w.inventory.setStock('PUMP-3KW', { onHand: 4 });
    const order = await w.orderFor([
      { sku: 'VALVE-DN50', quantity: 200 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);

    // Act
    const result = await w.allocateStock(order.orderId);

    // Assess
    expect(result).toEqual({ complete: true, readyToPack: true, backorder: false });
    const stored = await w.orders.get(order.orderId);
    expect(stored?.reservations).toEqual([
      { sku: 'VALVE-DN50', quantity: 200 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);
    expect(stored?.shortfalls).toEqual([]);
    expect(stored?.status).toBe('CONFIRMED');
    expect(stored?.timeline.at(-1)).toMatchObject({ what: 'Stock reserved', by: { kind: 'system' } });
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({
      onHand: 500,
      available: 300,
      reservations: { [order.orderId]: 200 },
    });
    expect(await w.inventory.availableFor('PUMP-3KW')).toBe(0);
    expect(w.published()).toEqual([
      {
        type: 'StockAllocated',
        detail: expect.objectContaining({
          changeId: `${order.orderId}:StockAllocated`,
          orderId: order.orderId,
          lines: [
            { sku: 'VALVE-DN50', quantity: 200 },
            { sku: 'PUMP-3KW', quantity: 4 },
          ],
        }),
      },
    ]);
  });

  it('keeps the units there are, queues the order and asks procurement for the rest', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 150 });
    await w.inventory.setStock('PUMP-3KW', { onHand: 10 });
    const order = await w.orderFor([
      { sku: 'VALVE-DN50', quantity: 200 },
      { sku: 'PUMP-3KW', quantity: 4 },
      { sku: 'FLANGE-DN50', quantity: 8 },
    ]);

    // Act
    const result = await w.allocateStock(order.orderId);

    // Assess
    expect(result).toEqual({ complete: false, readyToPack: false, backorder: false });
    const stored = await w.orders.get(order.orderId);
    expect(stored?.reservations).toEqual([
      { sku: 'VALVE-DN50', quantity: 150 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);
    expect(stored?.shortfalls).toEqual([
      { sku: 'VALVE-DN50', short: 50 },
      { sku: 'FLANGE-DN50', short: 8 },
    ]);
    expect(stored?.timeline.at(-1)).toMatchObject({
      what: 'Stock partly reserved; waiting for stock',
      note: 'short: VALVE-DN50 50, FLANGE-DN50 8',
    });
    expect(await w.inventory.listWaiting('VALVE-DN50')).toEqual([
      { orderId: order.orderId, short: 50, since: order.createdAt },
    ]);
    expect(await w.inventory.listWaiting('FLANGE-DN50')).toEqual([
      { orderId: order.orderId, short: 8, since: order.createdAt },
    ]);
    expect(await w.inventory.listWaiting('PUMP-3KW')).toEqual([]);
    expect(w.published().map((event) => [event.type, event.detail.changeId])).toEqual([
      ['ProcurementRequested', `${order.orderId}:procurement:VALVE-DN50:50`],
      ['ProcurementRequested', `${order.orderId}:procurement:FLANGE-DN50:8`],
    ]);
    expect(w.published()[0].detail).toMatchObject({ sku: 'VALVE-DN50', quantityShort: 50 });
  });

  it('queues an order with no stock at all for its sku', async () => {
    // Prepare
    const w = inventoryWorld();
    const order = await w.orderFor([{ sku: 'PUMP-3KW', quantity: 3 }]);

    // Act
    const result = await w.allocateStock(order.orderId);

    // Assess
    expect(result).toEqual({ complete: false, readyToPack: false, backorder: false });
    const stored = await w.orders.get(order.orderId);
    expect(stored?.reservations).toEqual([]);
    expect(stored?.shortfalls).toEqual([{ sku: 'PUMP-3KW', short: 3 }]);
    expect(await w.inventory.listWaiting('PUMP-3KW')).toHaveLength(1);
  });

  it('changes nothing on a retry, and announces the same change again with the same changeId', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 120 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 200 }]);
    const first = await w.allocateStock(order.orderId);
    const afterFirst = await w.orders.get(order.orderId);

    // Act
    const retry = await w.allocateStock(order.orderId);

    // Assess
    expect(retry).toEqual(first);
    expect(await w.orders.get(order.orderId)).toEqual(afterFirst);
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({
      available: 0,
      reservations: { [order.orderId]: 120 },
    });
    expect(await w.inventory.listWaiting('VALVE-DN50')).toHaveLength(1);
    const [once, again] = w.published();
    expect(again.detail.changeId).toBe(once.detail.changeId);
  });

  it('tops a partial reservation up after stock arrives, leaves the queue and announces StockAllocated', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 120 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 200 }]);
    await w.allocateStock(order.orderId);
    await w.inventory.receive('VALVE-DN50', 100);

    // Act
    const result = await w.allocateStock(order.orderId);

    // Assess
    expect(result).toEqual({ complete: true, readyToPack: true, backorder: false });
    expect((await w.orders.get(order.orderId))?.reservations).toEqual([{ sku: 'VALVE-DN50', quantity: 200 }]);
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({ onHand: 220, available: 20 });
    expect(await w.inventory.listWaiting('VALVE-DN50')).toEqual([]);
    expect(w.published().map((event) => event.type)).toEqual(['ProcurementRequested', 'StockAllocated']);
  });

  it('refuses a cancelled order with OrderCancelledError, reserving nothing', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 500 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 200 }]);
    const stored = (await w.orders.get(order.orderId))!;
    await w.orders.save({
      ...stored,
      cancellation: {
        reason: 'buyer changed plans',
        at: stored.createdAt,
        by: { kind: 'staff', id: 'u1', role: 'sales' },
        statusBefore: stored.status,
        refundDue: { currency: 'EUR', minor: 0 },
      },
      version: stored.version + 1,
    });

    // Act
    const attempt = w.allocateStock(order.orderId);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(OrderCancelledError);
    await expect(attempt).rejects.toMatchObject({ name: 'OrderCancelledError', code: 'ORDER_CANCELLED' });
    expect(await w.inventory.availableFor('VALVE-DN50')).toBe(500);
    expect(w.published()).toEqual([]);
  });

  it('reads the order again when it changed meanwhile, and finds it cancelled', async () => {
    // Prepare: the first save loses to a cancellation written at the same time
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 500 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 200 }]);
    const save = w.orders.save.bind(w.orders);
    let raced = false;
    w.orders.save = async (next) => {
      if (!raced) {
        raced = true;
        const current = (await w.orders.get(order.orderId))!;
        await save({
          ...current,
          cancellation: {
            reason: 'duplicate order',
            at: current.createdAt,
            by: { kind: 'staff', id: 'u1', role: 'sales' },
            statusBefore: current.status,
            refundDue: { currency: 'EUR', minor: 0 },
          },
          version: current.version + 1,
        });
      }
      return save(next);
    };

    // Act
    const attempt = w.allocateStock(order.orderId);

    // Assess: the units stay reserved until compensation releases them (release is idempotent)
    await expect(attempt).rejects.toBeInstanceOf(OrderCancelledError);
    expect(await w.inventory.release('VALVE-DN50', order.orderId)).toBe(200);
    expect(await w.inventory.release('VALVE-DN50', order.orderId)).toBe(0);
    expect(await w.inventory.availableFor('VALVE-DN50')).toBe(500);
  });

  it('retries a save that lost to another writer, then gives up with ConcurrentUpdateError', async () => {
    // Prepare
    const w = inventoryWorld();
    await w.inventory.setStock('VALVE-DN50', { onHand: 500 });
    const order = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 200 }]);
    let saves = 0;
    w.orders.save = async () => {
      saves++;
      throw new ConcurrentUpdateError('changed');
    };

    // Act
    const attempt = w.allocateStock(order.orderId);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(saves).toBe(6);
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({
      available: 300,
      reservations: { [order.orderId]: 200 },
    });
  });

  it('answers NotFoundError for an unknown order', async () => {
    const w = inventoryWorld();
    await expect(w.allocateStock('ord_nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
