import { makeInMemoryOrderRepository } from '../../../shared/adapters/in-memory/orders';
import { updateOrder } from '../../../shared/use-cases/update-order';
import { order } from './notifications/world';

/** A repository that counts its reads, around the in-memory one. */
function countingOrders(...initial: Parameters<typeof makeInMemoryOrderRepository>) {
  const inner = makeInMemoryOrderRepository(...initial);
  const reads = { count: 0 };
  const get = (id: string) => {
    reads.count++;
    return inner.get(id);
  };
  return { orders: { ...inner, get }, reads };
}

describe('updateOrder with the order the caller already read', () => {
  it('writes from that copy without reading the order again', async () => {
    // Prepare
    const stored = order({ version: 4 });
    const { orders, reads } = countingOrders([stored]);

    // Act
    const updated = await updateOrder(orders, stored.orderId, (o) => ({ ...o, buyerPo: 'PO-NEW' }), stored);

    // Assess
    expect(reads.count).toBe(0);
    expect(updated).toMatchObject({ buyerPo: 'PO-NEW', version: 5 });
    expect(await orders.get(stored.orderId)).toMatchObject({ buyerPo: 'PO-NEW', version: 5 });
  });

  it('reads afresh and applies the change again when that copy was stale (the write is conditional)', async () => {
    // Prepare: the caller's copy is version 4, someone wrote version 5 since
    const stale = order({ version: 4 });
    const { orders, reads } = countingOrders([{ ...stale, version: 5, buyerPo: 'PO-OTHER' }]);

    // Act
    const updated = await updateOrder(
      orders,
      stale.orderId,
      (o) => ({ ...o, externalRef: `seen ${o.buyerPo}` }),
      stale,
    );

    // Assess: nothing of the other writer's change is lost
    expect(reads.count).toBe(1);
    expect(updated).toMatchObject({ buyerPo: 'PO-OTHER', externalRef: 'seen PO-OTHER', version: 6 });
  });
});
