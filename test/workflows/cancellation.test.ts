import type { PaymentTerms } from '../../shared/contracts/common';
import type { OrderStatus, WaitKind } from '../../shared/domain/order';
import { ConflictError } from '../../shared/errors';
import { startWorkflowHarness, WAIT_STATE, type WorkflowHarness } from './support/workflow-harness';

/**
 * A cancellation at each status where the workflow waits: the wait fails with OrderCancelled, the
 * Catch runs CompensateOrder (stock released, refund noted, OrderCancelled once) and the execution
 * succeeds in Cancelled.
 */

interface CancelCase {
  status: OrderStatus;
  wait: WaitKind;
  terms: PaymentTerms;
  creditLimit?: null;
  /** Units of the valve line in stock at the start (200 are ordered). */
  valvesOnHand?: number;
  /** EUR minor units received before the cancellation, to be refunded. */
  refundDue: number;
  /** What compensation gives back: [valves, pumps], or none. */
  released: [number, number] | [];
  /** Whether the goods had left the warehouse (on hand went down). */
  dispatched?: boolean;
}

const TT: PaymentTerms = { type: 'TT', depositPercent: 30 };
const DEPOSIT = 182988;
const TOTAL = 609960;

const cases: CancelCase[] = [
  {
    status: 'CREDIT_HOLD',
    wait: 'credit-decision',
    terms: { type: 'OA', netDays: 60 },
    creditLimit: null,
    refundDue: 0,
    released: [],
  },
  { status: 'AWAITING_DEPOSIT', wait: 'deposit', terms: TT, refundDue: 0, released: [] },
  {
    status: 'AWAITING_STOCK',
    wait: 'stock',
    terms: TT,
    valvesOnHand: 150,
    refundDue: DEPOSIT,
    released: [150, 4],
  },
  { status: 'IN_PRODUCTION', wait: 'packing', terms: TT, refundDue: DEPOSIT, released: [200, 4] },
  { status: 'AWAITING_BALANCE', wait: 'balance', terms: TT, refundDue: DEPOSIT, released: [200, 4] },
  { status: 'READY_TO_SHIP', wait: 'shipment', terms: TT, refundDue: TOTAL, released: [200, 4] },
  { status: 'IN_TRANSIT', wait: 'delivery', terms: TT, refundDue: TOTAL, released: [], dispatched: true },
  {
    status: 'AWAITING_PAYMENT',
    wait: 'payment',
    terms: { type: 'OA', netDays: 60 },
    refundDue: 0,
    released: [],
    dispatched: true,
  },
];

describe('workflow: cancellation', () => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it.each(cases)(
    'cancelled in $status: compensated, stock back, OrderCancelled once',
    async ({ status, wait, terms, creditLimit, valvesOnHand = 200, refundDue, released, dispatched }) => {
      // Prepare
      const { orderId, skus } = await h.placeOrder({
        terms,
        creditLimit,
        lines: [
          { quantity: 200, unitPrice: '12.50', onHand: valvesOnHand },
          { quantity: 4, unitPrice: '899.90' },
        ],
      });
      const [valve, pump] = skus;
      await h.runTo(orderId, status);
      const waiting = await h.waitForWait(orderId, wait);

      // Act
      const cancelled = await h.cancel(orderId, 'the buyer withdrew the order');
      const execution = await h.waitForExecution(orderId);

      // Assess
      expect(cancelled.status).toBe('CANCELLED');
      expect(execution.status).toBe('SUCCEEDED');
      expect((await h.statesEntered(orderId)).slice(-3)).toEqual([
        WAIT_STATE[wait],
        'CompensateOrder',
        'Cancelled',
      ]);
      const order = await h.order(orderId);
      expect(order.status).toBe('CANCELLED');
      expect(order.pendingWait).toBeUndefined();
      expect(order.reservations).toEqual([]);
      expect(order.cancellation).toMatchObject({
        reason: 'the buyer withdrew the order',
        statusBefore: status,
        refundDue: { currency: 'EUR', minor: refundDue },
        compensatedAt: expect.any(String),
      });
      const statuses = await h.statuses(orderId);
      expect(statuses.slice(-2)).toEqual([status, 'CANCELLED']);
      expect(waiting.status).toBe(status);

      const announced = h.eventsOf(orderId, 'OrderCancelled');
      expect(announced).toHaveLength(1);
      expect(announced[0].detail).toMatchObject({
        statusWhenCancelled: status,
        reason: 'the buyer withdrew the order',
        refundDue: { amount: (refundDue / 100).toFixed(2), currency: 'EUR' },
        released: released.length
          ? [
              { sku: valve, quantity: released[0] },
              { sku: pump, quantity: released[1] },
            ]
          : [],
      });

      // Reserved units are available again; goods already shipped stay gone.
      const valves = await h.inventory.getStock(valve);
      const pumps = await h.inventory.getStock(pump);
      expect(valves).toMatchObject({
        onHand: dispatched ? 0 : valvesOnHand,
        available: dispatched ? 0 : valvesOnHand,
        reservations: {},
      });
      expect(pumps).toMatchObject({
        onHand: dispatched ? 0 : 4,
        available: dispatched ? 0 : 4,
        reservations: {},
      });
      expect(await h.inventory.listWaiting(valve)).toEqual([]);
    },
  );

  it('refuses to cancel a completed order with a 409 naming the status, and changes nothing', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'PREPAID' } });
    await h.runTo(orderId, 'end');
    const before = await h.order(orderId);

    // Act
    const attempt = h.cancel(orderId);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      status: 'COMPLETED',
      message: expect.stringContaining('a completed order cannot be cancelled'),
    });
    expect(await h.order(orderId)).toEqual(before);
    expect(h.eventsOf(orderId, 'OrderCancelled')).toHaveLength(0);
    expect((await h.waitForExecution(orderId)).status).toBe('SUCCEEDED');
  });

  it('a second cancel is a 409 and does not compensate or announce again', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: TT });
    await h.waitForWait(orderId, 'deposit');
    await h.cancel(orderId);
    await h.waitForExecution(orderId);

    // Act
    const again = h.cancel(orderId, 'asked twice');

    // Assess
    await expect(again).rejects.toMatchObject({ name: 'ConflictError', status: 'CANCELLED' });
    expect(h.eventsOf(orderId, 'OrderCancelled')).toHaveLength(1);
    expect((await h.order(orderId)).cancellation?.reason).toBe('the buyer withdrew the order');
  });

  it('a receipt after the cancellation of an order waiting for stock resumes nobody', async () => {
    // Prepare
    const { orderId, skus } = await h.placeOrder({
      terms: { type: 'LC' },
      lines: [{ quantity: 10, onHand: 4 }],
    });
    await h.waitForWait(orderId, 'stock');
    await h.cancel(orderId);
    await h.waitForExecution(orderId);

    // Act
    const receipt = await h.receive(skus[0], 6);

    // Assess
    expect(receipt.resumedOrderIds).toEqual([]);
    expect(await h.inventory.getStock(skus[0])).toMatchObject({
      onHand: 10,
      available: 10,
      reservations: {},
    });
  });

  it.each([
    {
      status: 'CONFIRMED',
      terms: { type: 'LC' } as PaymentTerms,
      step: 'allocate-stock',
      when: (_payload: Record<string, unknown>) => true,
      state: 'AllocateStock',
    },
    // No DELIVERED row: an order delivered with nothing owed is completed in the same step (MarkDelivered),
    // so it never rests in DELIVERED between steps; one that owes money waits (AWAITING_PAYMENT).
  ])(
    'cancelled in $status (between steps, no wait): the next step sees it and compensation runs',
    async ({ status, terms, step, when, state }) => {
      // Prepare: the cancellation lands just before the step after that status runs.
      const { orderId } = await h.placeOrder({ terms, deferStart: true });
      h.beforeStep(step, () => h.cancel(orderId).then(() => undefined), {
        times: 1,
        when: (payload) => payload.orderId === orderId && when(payload),
      });

      // Act
      await h.start(orderId);
      await h.runTo(orderId, 'end');

      // Assess
      expect((await h.waitForExecution(orderId)).status).toBe('SUCCEEDED');
      expect((await h.statesEntered(orderId)).slice(-3)).toEqual([state, 'CompensateOrder', 'Cancelled']);
      const order = await h.order(orderId);
      expect(order.cancellation).toMatchObject({ statusBefore: status, compensatedAt: expect.any(String) });
      expect((await h.statuses(orderId)).slice(-2)).toEqual([status, 'CANCELLED']);
      expect(h.eventsOf(orderId, 'OrderCancelled')).toHaveLength(1);
      expect(h.eventsOf(orderId, 'OrderCompleted')).toHaveLength(0);
    },
  );

  it('an order cancelled before its execution starts is compensated at the first cancellable step', async () => {
    // Prepare
    const { orderId, skus } = await h.placeOrder({ terms: TT, deferStart: true });
    await h.cancel(orderId, 'duplicate order');

    // Act
    await h.start(orderId);
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    expect((await h.statesEntered(orderId)).slice(-2)).toEqual(['CompensateOrder', 'Cancelled']);
    const order = await h.order(orderId);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellation).toMatchObject({ statusBefore: 'RECEIVED', compensatedAt: expect.any(String) });
    expect(h.eventsOf(orderId, 'OrderCancelled')).toHaveLength(1);
    for (const sku of skus) expect((await h.inventory.getStock(sku))?.reservations).toEqual({});
  });

  it('never announces an order cancelled before validation as received', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: TT, deferStart: true });
    await h.cancel(orderId, 'duplicate order');

    // Act
    await h.start(orderId);
    await h.waitForExecution(orderId);

    // Assess: ValidateOrder does not look at the cancellation: it answers valid and the buyer and
    // the departments hear OrderReceived for an order that is already cancelled.
    expect(h.typesOf(orderId)).toEqual(['OrderCancelled']);
  });
});
