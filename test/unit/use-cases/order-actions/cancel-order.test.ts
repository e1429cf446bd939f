import { isOpen } from '../../../../shared/domain/lifecycle';
import type { OrderStatus } from '../../../../shared/domain/order';
import { WAIT_STATUS } from '../../../../shared/domain/waits';
import { ConflictError } from '../../../../shared/errors';
import { makeCancelOrder } from '../../../../shared/use-cases/order-actions/cancel-order';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

const reason = { reason: 'buyer withdrew the order' };

describe('POST /orders/{id}/cancel', () => {
  it('cancels an order waiting for its deposit: refund noted, and the wait fails so the workflow compensates', async () => {
    // Prepare
    const w = world(
      anOrder('AWAITING_DEPOSIT', {
        pendingWait: waitingFor('deposit'),
        paid: { currency: 'EUR', minor: 50000 },
      }),
    );

    // Act
    const order = await makeCancelOrder(w.deps)(ORDER_ID, reason, staff.sales);

    // Assess
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellation).toEqual({
      reason: 'buyer withdrew the order',
      at: NOW,
      by: staff.sales,
      statusBefore: 'AWAITING_DEPOSIT',
      refundDue: { currency: 'EUR', minor: 50000 },
    });
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Order cancelled',
      status: 'CANCELLED',
      by: staff.sales,
      note: 'buyer withdrew the order',
    });
    expect(await w.stored()).toEqual(order);
    expect(w.callbacks.failed).toEqual([
      { token: 'token-deposit', error: 'OrderCancelled', cause: 'buyer withdrew the order' },
    ]);
    expect(w.callbacks.succeeded).toEqual([]);
    expect(w.events.published).toEqual([]);
  });

  it.each(Object.entries(WAIT_STATUS) as [keyof typeof WAIT_STATUS, OrderStatus][])(
    'fails a pending %s wait (status %s)',
    async (kind, status) => {
      // Prepare: even a wait whose condition is met is failed, never ended with success
      const w = world(
        anOrder(status, { pendingWait: waitingFor(kind), paid: { currency: 'EUR', minor: 609960 } }),
      );

      // Act
      await makeCancelOrder(w.deps)(ORDER_ID, reason, staff.sales);

      // Assess
      expect(w.callbacks.failed.map((call) => call.token)).toEqual([`token-${kind}`]);
      expect(w.callbacks.succeeded).toEqual([]);
    },
  );

  it.each(ALL_STATUSES.filter(isOpen))('cancels at %s', async (status) => {
    // Prepare
    const w = world(anOrder(status));

    // Act
    const order = await makeCancelOrder(w.deps)(ORDER_ID, reason, staff.sales);

    // Assess
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellation?.refundDue).toEqual({ currency: 'EUR', minor: 0 });
    expect(w.callbacks.failed).toEqual([]);
  });

  it('answers 409 for a completed order, with the reason', async () => {
    // Prepare
    const w = world(anOrder('COMPLETED'));

    // Act
    const attempt = makeCancelOrder(w.deps)(ORDER_ID, reason, staff.sales);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      status: 'COMPLETED',
      message: 'cancel is not allowed while the order is COMPLETED; a completed order cannot be cancelled',
    });
    expect((await w.stored()).version).toBe(1);
  });

  it('answers 409 for a rejected order', async () => {
    // Act
    const attempt = makeCancelOrder(world(anOrder('REJECTED')).deps)(ORDER_ID, reason, staff.sales);

    // Assess
    await expect(attempt).rejects.toMatchObject({ status: 'REJECTED', code: 'CONFLICT' });
  });

  it('answers 409 to a second cancel, failing the wait again in case the first call stopped short', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_STOCK', { pendingWait: waitingFor('stock') }));
    const cancel = makeCancelOrder(w.deps);
    const first = await cancel(ORDER_ID, reason, staff.sales);

    // Act
    const again = cancel(ORDER_ID, { reason: 'again' }, staff.sales);

    // Assess
    await expect(again).rejects.toMatchObject({ status: 'CANCELLED', code: 'CONFLICT' });
    expect((await w.stored()).version).toBe(first.version);
    expect(w.callbacks.failed).toEqual([
      { token: 'token-stock', error: 'OrderCancelled', cause: 'buyer withdrew the order' },
      { token: 'token-stock', error: 'OrderCancelled', cause: 'buyer withdrew the order' },
    ]);
  });
});
