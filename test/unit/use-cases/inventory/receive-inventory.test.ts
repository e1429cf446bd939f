import { NotFoundError } from '../../../../shared/errors';
import { inventoryWorld } from './inventory-world';

/** Three orders short of VALVE-DN50 by 30, 50 and 20, placed in that order and waiting for stock. */
async function threeWaiting(w: ReturnType<typeof inventoryWorld>) {
  const oldest = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 30 }]);
  const middle = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 50 }]);
  const youngest = await w.orderFor([{ sku: 'VALVE-DN50', quantity: 20 }]);
  // Allocated youngest first, so only the queue (by order age) decides who is served first.
  for (const order of [youngest, middle, oldest]) {
    await w.allocateStock(order.orderId);
    await w.waitForStock(order.orderId);
  }
  return { oldest, middle, youngest };
}

describe('receiving stock', () => {
  it('resumes the waiting orders oldest first, only as many as the stock covers', async () => {
    // Prepare
    const w = inventoryWorld();
    const { oldest, middle, youngest } = await threeWaiting(w);

    // Act: 70 units cover the oldest (30) but not the next (30 + 50); the youngest may not overtake
    const receipt = await w.receiveInventory({ sku: 'VALVE-DN50', quantity: 70 });

    // Assess
    expect(receipt.resumedOrderIds).toEqual([oldest.orderId]);
    expect(receipt.stock).toMatchObject({ onHand: 70, available: 70 });
    expect(w.callbacks.succeeded).toEqual([
      { token: (await w.orders.get(oldest.orderId))?.pendingWait?.token, output: { kind: 'stock' } },
    ]);
    expect((await w.inventory.listWaiting('VALVE-DN50')).map((entry) => entry.orderId)).toEqual([
      oldest.orderId,
      middle.orderId,
      youngest.orderId,
    ]);
  });

  it('counts the units promised to a resumed order until it has reserved them', async () => {
    // Prepare
    const w = inventoryWorld();
    const { oldest, middle, youngest } = await threeWaiting(w);
    await w.receiveInventory({ sku: 'VALVE-DN50', quantity: 70 });

    // Act: before the oldest's workflow reserves its 30, 10 more arrive: 80 cover oldest (30) and
    // middle (50), and the oldest, already told, is not told again
    const second = await w.receiveInventory({ sku: 'VALVE-DN50', quantity: 10 });
    await w.allocateStock(oldest.orderId);
    await w.allocateStock(middle.orderId);
    const third = await w.receiveInventory({ sku: 'VALVE-DN50', quantity: 20 });

    // Assess
    expect(second.resumedOrderIds).toEqual([middle.orderId]);
    expect(third.resumedOrderIds).toEqual([youngest.orderId]);
    expect(third.stock).toMatchObject({ onHand: 100, available: 20 });
    expect(await w.inventory.listWaiting('VALVE-DN50')).toEqual([
      { orderId: youngest.orderId, short: 20, since: youngest.createdAt },
    ]);
  });

  it('takes orders that ended meanwhile out of the queue without counting them', async () => {
    // Prepare
    const w = inventoryWorld();
    const { oldest, middle } = await threeWaiting(w);
    const cancelled = (await w.orders.get(oldest.orderId))!;
    await w.orders.save({
      ...cancelled,
      status: 'CANCELLED',
      pendingWait: undefined,
      version: cancelled.version + 1,
    });

    // Act: 50 units: the cancelled oldest no longer counts, so the middle one (50) is covered
    const receipt = await w.receiveInventory({ sku: 'VALVE-DN50', quantity: 50 });

    // Assess
    expect(receipt.resumedOrderIds).toEqual([middle.orderId]);
    expect((await w.inventory.listWaiting('VALVE-DN50')).map((entry) => entry.orderId)).not.toContain(
      oldest.orderId,
    );
  });

  it('keeps the place of a covered order not in its stock wait right now, and of one whose token closed', async () => {
    // Prepare: the oldest has not stored its wait token yet; the middle one's token timed out
    const closedTokens: string[] = [];
    const w = inventoryWorld({ closedTokens });
    const oldest = await w.orderFor([{ sku: 'PUMP-3KW', quantity: 2 }]);
    const middle = await w.orderFor([{ sku: 'PUMP-3KW', quantity: 3 }]);
    const youngest = await w.orderFor([{ sku: 'PUMP-3KW', quantity: 4 }]);
    for (const order of [oldest, middle, youngest]) await w.allocateStock(order.orderId);
    closedTokens.push(await w.waitForStock(middle.orderId));
    const youngestToken = await w.waitForStock(youngest.orderId);

    // Act: 9 units cover all three (2 + 3 + 4)
    const receipt = await w.receiveInventory({ sku: 'PUMP-3KW', quantity: 9 });

    // Assess: only the youngest could be told; the others' waits end themselves when they start
    expect(receipt.resumedOrderIds).toEqual([youngest.orderId]);
    expect(w.callbacks.succeeded.map((call) => call.token)).toEqual([youngestToken]);
    expect(await w.inventory.listWaiting('PUMP-3KW')).toHaveLength(3);
  });

  it('keeps the receipt when resuming fails part way, and says so', async () => {
    // Prepare
    const w = inventoryWorld();
    const { oldest } = await threeWaiting(w);
    const failure = new Error('states endpoint unreachable');
    w.callbacks.succeed = async () => {
      throw failure;
    };

    // Act
    const receipt = await w.receiveInventory({ sku: 'VALVE-DN50', quantity: 100 });

    // Assess: the stock is in; nothing is resumed; the order keeps its place in the queue
    expect(receipt).toEqual({
      stock: expect.objectContaining({ onHand: 100, available: 100 }),
      resumedOrderIds: [],
      resumeFailed: { error: failure },
    });
    expect((await w.inventory.listWaiting('VALVE-DN50'))[0].orderId).toBe(oldest.orderId);
  });

  it('answers NotFoundError for a sku that is not a product, adding nothing', async () => {
    // Prepare
    const w = inventoryWorld();

    // Act
    const attempt = w.receiveInventory({ sku: 'GHOST-1', quantity: 5 });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(await w.inventory.getStock('GHOST-1')).toBeUndefined();
  });

  it('records the warehouse a receipt names', async () => {
    // Prepare
    const w = inventoryWorld();

    // Act
    const receipt = await w.receiveInventory({ sku: 'FLANGE-DN50', quantity: 5, warehouse: 'HAM-2' });

    // Assess
    expect(receipt).toEqual({
      stock: expect.objectContaining({ sku: 'FLANGE-DN50', onHand: 5, available: 5, warehouse: 'HAM-2' }),
      resumedOrderIds: [],
    });
  });
});
