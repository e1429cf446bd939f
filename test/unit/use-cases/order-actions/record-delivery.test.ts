import { makeRecordDelivery } from '../../../../shared/use-cases/order-actions/record-delivery';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

describe('POST /orders/{id}/delivery', () => {
  it('keeps the delivery, emits nothing itself and ends the delivery wait', async () => {
    // Prepare
    const w = world(anOrder('IN_TRANSIT', { pendingWait: waitingFor('delivery') }));

    // Act
    const order = await makeRecordDelivery(w.deps)(
      ORDER_ID,
      { deliveredAt: '2026-11-26T14:30:00Z', receivedBy: 'J. Schmidt' },
      staff.logistics,
    );

    // Assess
    expect(order.status).toBe('IN_TRANSIT');
    expect(order.delivery).toEqual({
      deliveredAt: '2026-11-26T14:30:00Z',
      receivedBy: 'J. Schmidt',
      recordedAt: NOW,
    });
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Delivery recorded',
      note: 'delivered at 2026-11-26T14:30:00Z, received by J. Schmidt',
      by: staff.logistics,
    });
    expect(w.events.published).toEqual([]);
    expect(w.callbacks.succeeded).toEqual([
      { token: 'token-delivery', output: { kind: 'delivery', deliveredAt: '2026-11-26T14:30:00Z' } },
    ]);
  });

  it('answers 400 for a delivery in the future', async () => {
    // Prepare
    const w = world(anOrder('IN_TRANSIT'));

    // Act
    const attempt = makeRecordDelivery(w.deps)(
      ORDER_ID,
      { deliveredAt: '2027-02-01T00:00:00Z' },
      staff.logistics,
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({
      field: 'deliveredAt',
      message: expect.stringMatching(/future/),
    });
  });

  it('takes the same delivery again as a repeat (also after the workflow moved on), and refuses another', async () => {
    // Prepare
    const w = world(anOrder('IN_TRANSIT'));
    const record = makeRecordDelivery(w.deps);
    const first = await record(ORDER_ID, { deliveredAt: '2026-11-27T09:00:00Z' }, staff.logistics);
    await w.orders.save({ ...first, status: 'DELIVERED', version: first.version + 1 });

    // Act
    const again = await record(ORDER_ID, { deliveredAt: '2026-11-27T11:00:00+02:00' }, staff.logistics);
    const other = record(ORDER_ID, { deliveredAt: '2026-11-26T09:00:00Z' }, staff.logistics);

    // Assess
    expect(again.status).toBe('DELIVERED');
    expect(again.version).toBe(first.version + 1);
    await expect(other).rejects.toMatchObject({ code: 'CONFLICT', status: 'DELIVERED' });
  });

  it.each(ALL_STATUSES.filter((status) => status !== 'IN_TRANSIT'))(
    'answers 409 naming %s',
    async (status) => {
      // Prepare
      const w = world(anOrder(status));

      // Act
      const attempt = makeRecordDelivery(w.deps)(
        ORDER_ID,
        { deliveredAt: '2026-11-27T09:00:00Z' },
        staff.logistics,
      );

      // Assess
      await expect(attempt).rejects.toMatchObject({ status, code: 'CONFLICT' });
    },
  );
});
