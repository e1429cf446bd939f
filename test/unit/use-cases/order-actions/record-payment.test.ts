import { statusesAllowing } from '../../../../shared/domain/lifecycle';
import type { Order } from '../../../../shared/domain/order';
import { ConcurrentUpdateError, ConflictError, InvalidInputError } from '../../../../shared/errors';
import type { OrderRepository } from '../../../../shared/ports/orders';
import { makeRecordPayment } from '../../../../shared/use-cases/order-actions/record-payment';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

const pay = (amount: string, reference: string) => ({ amount, currency: 'EUR', reference });

describe('POST /orders/{id}/payments', () => {
  it('keeps a partial payment and leaves the deposit wait open', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_DEPOSIT', { pendingWait: waitingFor('deposit') }));

    // Act
    const order = await makeRecordPayment(w.deps)(ORDER_ID, pay('1000', 'TT-1'), staff.finance);

    // Assess
    expect(order.paid).toEqual({ currency: 'EUR', minor: 100000 });
    expect(order.payments).toEqual([
      { amount: { currency: 'EUR', minor: 100000 }, reference: 'TT-1', receivedAt: NOW, by: staff.finance },
    ]);
    expect(order.timeline.at(-1)).toMatchObject({
      what: 'Payment received: EUR 1000.00 (reference TT-1)',
      note: 'paid EUR 1000.00 of EUR 6099.60; outstanding EUR 5099.60',
      by: staff.finance,
    });
    expect(w.types()).toEqual(['PaymentReceived']);
    expect(w.events.published[0].detail).toEqual({
      version: 1,
      changeId: `${ORDER_ID}:payment:TT-1`,
      occurredAt: NOW,
      orderId: ORDER_ID,
      customerId: 'cus_1',
      amount: { amount: '1000.00', currency: 'EUR' },
      reference: 'TT-1',
      paid: { amount: '1000.00', currency: 'EUR' },
      outstanding: { amount: '5099.60', currency: 'EUR' },
    });
    expect(w.callbacks.succeeded).toEqual([]);
  });

  it('ends the deposit wait when partial payments add up to it, announcing the deposit once', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_DEPOSIT', { pendingWait: waitingFor('deposit') }));
    const record = makeRecordPayment(w.deps);
    await record(ORDER_ID, pay('1000', 'TT-1'), staff.finance);

    // Act
    await record(ORDER_ID, pay('829.88', 'TT-2'), staff.finance);
    await record(ORDER_ID, pay('100', 'TT-3'), staff.finance);

    // Assess
    expect(w.types()).toEqual(['PaymentReceived', 'PaymentReceived', 'DepositReceived', 'PaymentReceived']);
    expect(w.events.published.map((event) => 'coversDeposit' in event.detail)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(w.events.published[2].detail).toMatchObject({
      changeId: `${ORDER_ID}:DepositReceived`,
      paid: { amount: '1829.88', currency: 'EUR' },
    });
    expect(w.callbacks.succeeded[0]).toEqual({
      token: 'token-deposit',
      output: { kind: 'deposit', paid: { currency: 'EUR', minor: 182988 } },
    });
    expect((await w.stored()).paid).toEqual({ currency: 'EUR', minor: 192988 });
  });

  it('ends the balance wait when the whole amount due before shipment is in', async () => {
    // Prepare
    const w = world(
      anOrder('AWAITING_BALANCE', {
        pendingWait: waitingFor('balance'),
        paid: { currency: 'EUR', minor: 182988 },
        payments: [
          {
            amount: { currency: 'EUR', minor: 182988 },
            reference: 'DEP',
            receivedAt: '2026-11-21T00:00:00.000Z',
            by: staff.finance,
          },
        ],
      }),
    );

    // Act
    await makeRecordPayment(w.deps)(ORDER_ID, pay('4269.72', 'BAL'), staff.finance);

    // Assess
    expect(w.types()).toEqual(['PaymentReceived']);
    expect(w.callbacks.succeeded.map((call) => call.output.kind)).toEqual(['balance']);
  });

  it('keeps an overpayment and shows it', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_DEPOSIT', { pendingWait: waitingFor('deposit') }));

    // Act
    const order = await makeRecordPayment(w.deps)(ORDER_ID, pay('7000.00', 'ALL-IN'), staff.finance);

    // Assess
    expect(order.paid).toEqual({ currency: 'EUR', minor: 700000 });
    expect(order.timeline.at(-1)?.note).toBe(
      'paid EUR 7000.00 of EUR 6099.60; outstanding EUR 0.00; overpaid EUR 900.40',
    );
    expect(w.events.published[0].detail).toMatchObject({
      outstanding: { amount: '0.00', currency: 'EUR' },
      overpayment: { amount: '900.40', currency: 'EUR' },
    });
    expect(w.types()).toEqual(['PaymentReceived', 'DepositReceived']);
  });

  it('takes a reference already recorded as the same payment: order unchanged, same events again', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_DEPOSIT', { pendingWait: waitingFor('deposit') }));
    const record = makeRecordPayment(w.deps);
    await record(ORDER_ID, pay('500', 'TT-1'), staff.finance);
    const first = await record(ORDER_ID, pay('1329.88', 'TT-2'), staff.finance);
    const published = [...w.events.published];

    // Act
    const again = await record(ORDER_ID, pay('1329.88', 'TT-2'), staff.finance);

    // Assess
    expect(again).toEqual(first);
    expect((await w.stored()).version).toBe(first.version);
    expect(w.events.published.slice(published.length)).toEqual(published.slice(1));
    expect(w.types().filter((type) => type === 'DepositReceived')).toHaveLength(2);
    expect(new Set(w.events.published.map((event) => event.detail.changeId)).size).toBe(3);
  });

  it('refuses a known reference with another amount (409), and another currency (400)', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_DEPOSIT'));
    const record = makeRecordPayment(w.deps);
    await record(ORDER_ID, pay('500', 'TT-1'), staff.finance);

    // Act
    const otherAmount = record(ORDER_ID, pay('600', 'TT-1'), staff.finance);
    const otherCurrency = record(
      ORDER_ID,
      { amount: '500', currency: 'USD', reference: 'TT-9' },
      staff.finance,
    );

    // Assess
    await expect(otherAmount).rejects.toBeInstanceOf(ConflictError);
    await expect(otherAmount).rejects.toThrow('payment TT-1 is already recorded, for EUR 500.00');
    await expect(otherCurrency).rejects.toBeInstanceOf(InvalidInputError);
    await expect(otherCurrency).rejects.toMatchObject({ field: 'currency' });
  });

  it('refuses an amount of zero or less, and more decimals than the currency has', async () => {
    // Prepare
    const w = world(anOrder('AWAITING_DEPOSIT'));
    const record = makeRecordPayment(w.deps);

    // Act / Assess
    await expect(record(ORDER_ID, pay('0', 'Z'), staff.finance)).rejects.toMatchObject({ field: 'amount' });
    await expect(record(ORDER_ID, pay('-5', 'N'), staff.finance)).rejects.toMatchObject({ field: 'amount' });
    await expect(record(ORDER_ID, pay('1.005', 'D'), staff.finance)).rejects.toThrow(/at most 2 decimal/);
    expect((await w.stored()).version).toBe(1);
  });

  it.each(statusesAllowing('payment'))('takes money at %s', async (status) => {
    // Prepare
    const w = world(anOrder(status));

    // Act
    const order = await makeRecordPayment(w.deps)(ORDER_ID, pay('10', 'EARLY'), staff.finance);

    // Assess
    expect(order.payments).toHaveLength(1);
  });

  it.each(ALL_STATUSES.filter((status) => !statusesAllowing('payment').includes(status)))(
    'answers 409 naming %s',
    async (status) => {
      // Prepare
      const w = world(anOrder(status));

      // Act
      const attempt = makeRecordPayment(w.deps)(ORDER_ID, pay('10', 'LATE'), staff.finance);

      // Assess
      await expect(attempt).rejects.toMatchObject({ status, code: 'CONFLICT' });
    },
  );

  it('reads again and re-applies after a concurrent write, ending the wait that write stored', async () => {
    // Prepare: the workflow stores its deposit wait between our read and our write
    const w = world(anOrder('CONFIRMED'));
    const orders = interleave(w.orders, async () => {
      const current = (await w.orders.get(ORDER_ID))!;
      await w.orders.save({
        ...current,
        status: 'AWAITING_DEPOSIT',
        pendingWait: waitingFor('deposit'),
        version: current.version + 1,
      });
    });

    // Act
    const order = await makeRecordPayment({ ...w.deps, orders })(
      ORDER_ID,
      pay('1829.88', 'DEP'),
      staff.finance,
    );

    // Assess
    expect(order).toMatchObject({ status: 'AWAITING_DEPOSIT', version: 3 });
    expect(order.payments).toHaveLength(1);
    expect(w.callbacks.succeeded.map((call) => call.token)).toEqual(['token-deposit']);
  });

  it('gives up with ConcurrentUpdateError after six tries, pausing between them', async () => {
    // Prepare
    const w = world(anOrder('CONFIRMED'));
    let saves = 0;
    const orders: OrderRepository = {
      ...w.orders,
      save: async () => {
        saves++;
        throw new ConcurrentUpdateError('changed');
      },
    };

    // Act
    const attempt = makeRecordPayment({ ...w.deps, orders })(ORDER_ID, pay('10', 'X'), staff.finance);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(saves).toBe(6);
    expect(w.events.published).toEqual([]);
  });
});

/** A repository where `other` writes once, after the first read and before the first write. */
function interleave(orders: OrderRepository, other: () => Promise<void>): OrderRepository {
  let pending = true;
  return {
    ...orders,
    get: async (orderId) => {
      const order = await orders.get(orderId);
      if (pending) {
        pending = false;
        await other();
      }
      return order as Order;
    },
  };
}
