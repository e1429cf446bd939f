import { formatAmount } from '../../shared/domain/money';
import { subtract, zero } from '../../shared/domain/money-math';
import { dueBeforeShipment } from '../../shared/domain/shipment-payments';
import { toPackNow } from '../../shared/domain/shipments';
import { startWorkflowHarness, type WorkflowHarness } from './support/workflow-harness';

/**
 * The ASL's partial-shipment path: a shipment that leaves a backorder goes NeedsBalance →
 * WaitForPartBalance → WaitForPartShipment → DispatchPartStock → ReissuePartShippingDocuments and
 * loops back to AllocateStock for the backorder; the last shipment goes the ordinary way to
 * WaitForDelivery, which ends once every shipment is delivered. An order that ships whole enters the
 * same states as before (the state transitions the cost benchmark counts do not change).
 */
describe('workflow: partial shipments', () => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const TT = { type: 'TT', depositPercent: 30 } as const;

  /** Packs exactly what is allocated to the shipment being prepared, in one package. */
  async function packAllocated(orderId: string) {
    return h.pack(orderId, toPackNow(await h.order(orderId)));
  }

  /** Pays what the shipment being prepared still asks for (its share of the balance). */
  async function payShare(orderId: string) {
    const order = await h.order(orderId);
    const owed = subtract(dueBeforeShipment(order, order.paymentSchedule!), order.paid ?? zero('EUR'));
    return h.pay(orderId, formatAmount(owed));
  }

  it('ships what is allocated, waits for the backorder, ships it and completes once both are delivered', async () => {
    // Prepare: 10 of A (6 in stock) at 100.00 and 2 of B at 50.00: EUR 1100.00, TT 30/70
    const { orderId, skus } = await h.placeOrder({
      terms: TT,
      lines: [
        { quantity: 10, unitPrice: '100.00', onHand: 6 },
        { quantity: 2, unitPrice: '50.00' },
      ],
      allowPartialShipments: true,
    });
    const [a, b] = skus;

    // Act: shipment 1 (6 of A, 2 of B)
    await h.runTo(orderId, 'IN_PRODUCTION');
    await packAllocated(orderId);
    const balance = await h.waitForWait(orderId, 'balance');
    await payShare(orderId);
    await h.waitForWait(orderId, 'shipment');
    await h.ship(orderId);
    const backorderWait = await h.waitForWait(orderId, 'stock');
    // Shipment 1 travels and arrives while the backorder waits: no wait ends
    await h.track(orderId, { status: 'DEPARTED', at: '2026-12-02T08:00:00Z', location: 'Shanghai' });
    await h.deliver(orderId);
    const stillWaiting = await h.waitForWait(orderId, 'stock');
    // The backorder arrives: shipment 2 (4 of A) is the last
    await h.receive(a, 4);
    await h.waitForWait(orderId, 'packing');
    await packAllocated(orderId);
    await h.waitForWait(orderId, 'balance');
    await payShare(orderId);
    await h.waitForWait(orderId, 'shipment');
    await h.ship(orderId);
    await h.waitForWait(orderId, 'delivery');
    await h.deliver(orderId);
    const execution = await h.waitForExecution(orderId);

    // Assess: the money before shipment 1 was its share: 700.00 shipped + 30% of the 400.00 to come
    expect(balance.paid).toEqual({ currency: 'EUR', minor: 33000 });
    expect(
      h
        .eventsOf(orderId, 'PaymentDue')
        .map((event) => [event.detail.shipmentNo, event.detail.outstanding.amount]),
    ).toEqual([
      [1, '490.00'],
      [2, '280.00'],
    ]);
    expect(backorderWait.shipments?.map((record) => record.shipmentNo)).toEqual([1]);
    expect(backorderWait.shortfalls).toEqual([{ sku: a, short: 4 }]);
    expect(stillWaiting.pendingWait?.token).toBe(backorderWait.pendingWait?.token);
    expect(stillWaiting.shipments?.[0].delivery).toBeDefined();
    expect(execution.status).toBe('SUCCEEDED');
    const states = await h.statesEntered(orderId);
    const partial = [
      'NeedsBalance',
      'WaitForPartBalance',
      'WaitForPartShipment',
      'DispatchPartStock',
      'ReissuePartShippingDocuments',
      'AllocateStock',
      'StockComplete',
      'WaitForStock',
    ];
    expect(states.slice(states.indexOf('WaitForPartBalance') - 1).slice(0, partial.length)).toEqual(partial);
    expect(states.slice(-9)).toEqual([
      'NeedsBalance',
      'WaitForBalance',
      'WaitForShipment',
      'DispatchStock',
      'ReissueShippingDocuments',
      'WaitForDelivery',
      'MarkDelivered',
      'StillOwed',
      'Completed',
    ]);
    expect(await h.statuses(orderId)).toEqual([
      'RECEIVED',
      'CONFIRMED',
      'AWAITING_DEPOSIT',
      'IN_PRODUCTION',
      'AWAITING_BALANCE',
      'READY_TO_SHIP',
      'AWAITING_STOCK',
      'IN_PRODUCTION',
      'AWAITING_BALANCE',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ]);
    // Each shipment left the warehouse once, as itself
    const shipped = async (sku: string) =>
      (await h.inventory.listMovements(sku, { limit: 50 })).items
        .filter((move) => move.reason === 'shipment')
        .map((move) => [move.shipmentNo, move.quantity]);
    expect(await shipped(a)).toEqual([
      [2, 4],
      [1, 6],
    ]);
    expect(await shipped(b)).toEqual([[1, 2]]);
    expect(await h.inventory.getStock(a)).toMatchObject({ onHand: 0, available: 0, reservations: {} });
    // Both shipments told, each once
    expect(h.eventsOf(orderId, 'ShipmentDispatched').map((event) => event.detail.shipmentNo)).toEqual([1, 2]);
    expect(h.eventsOf(orderId, 'ShipmentDelivered').map((event) => event.detail.shipmentNo)).toEqual([1]);
    expect(h.eventsOf(orderId, 'OrderDelivered')[0].detail.shipmentNo).toBe(2);
    const completed = await h.order(orderId);
    expect(completed.status).toBe('COMPLETED');
    expect(completed.paid).toEqual({ currency: 'EUR', minor: 110000 });
    expect(
      (completed.documents ?? [])
        .filter((document) => document.kind === 'commercial-invoice')
        .map((document) => [document.shipmentNo, document.version]),
    ).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('runs an order that allows partial shipments but has all its stock through the ordinary states', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: TT, allowPartialShipments: true });
    const ordinary = await h.placeOrder({ terms: TT });

    // Act
    await h.runTo(orderId, 'end');
    await h.runTo(ordinary.orderId, 'end');

    // Assess: the same states, none of the partial path
    const states = await h.statesEntered(orderId);
    expect(states).toEqual(await h.statesEntered(ordinary.orderId));
    expect(states.filter((state) => state.includes('Part'))).toEqual([]);
    expect(h.eventsOf(orderId, 'ShipmentDispatched')[0].detail.shipmentNo).toBeUndefined();
    expect((await h.order(orderId)).status).toBe('COMPLETED');
  });

  it('waits for stock when nothing of the order is in stock, then ships it whole', async () => {
    // Prepare
    const { orderId, skus } = await h.placeOrder({
      terms: { type: 'OA', netDays: 30 },
      lines: [{ quantity: 5, onHand: 0 }],
      allowPartialShipments: true,
    });

    // Act
    const waiting = await h.waitForWait(orderId, 'stock');
    await h.receive(skus[0], 5);
    await h.runTo(orderId, 'end');

    // Assess
    expect(waiting.reservations).toEqual([]);
    expect((await h.statesEntered(orderId)).filter((state) => state.includes('Part'))).toEqual([]);
    expect((await h.order(orderId)).status).toBe('COMPLETED');
  });

  it('cancelled while the backorder waits: nothing shipped goes back, the refund is what exceeds the goods sent', async () => {
    // Prepare: 10 of A (4 in stock) at 10.00, prepaid in full
    const { orderId, skus } = await h.placeOrder({
      terms: { type: 'PREPAID' },
      lines: [{ quantity: 10, unitPrice: '10.00', onHand: 4 }],
      allowPartialShipments: true,
    });
    await h.runTo(orderId, 'IN_PRODUCTION');
    await packAllocated(orderId);
    await h.waitForWait(orderId, 'shipment');
    await h.ship(orderId);
    await h.waitForWait(orderId, 'stock');

    // Act
    await h.cancel(orderId);
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    const order = await h.order(orderId);
    expect(order.status).toBe('CANCELLED');
    expect(order.cancellation?.refundDue).toEqual({ currency: 'EUR', minor: 6000 });
    expect(h.eventsOf(orderId, 'OrderCancelled')[0].detail.released).toEqual([]);
    expect(await h.inventory.getStock(skus[0])).toMatchObject({ onHand: 0, available: 0 });
    expect(await h.inventory.listWaiting(skus[0])).toEqual([]);
  });
});
