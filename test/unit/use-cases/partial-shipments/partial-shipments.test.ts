import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import {
  makeInMemoryCompanyDetails,
  makeInMemoryDocumentNumbers,
} from '../../../../shared/adapters/in-memory/documents-support';
import { makeInMemoryInventoryRepository } from '../../../../shared/adapters/in-memory/inventory';
import { makeInMemoryOrderRepository } from '../../../../shared/adapters/in-memory/orders';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { makeInMemoryTradeDocumentStore } from '../../../../shared/adapters/in-memory/trade-documents';
import { makeRecordingCallbacks } from '../../../../shared/adapters/in-memory/workflow-callbacks';
import type { DomainEvent, EventType } from '../../../../shared/contracts/events';
import type { Order } from '../../../../shared/domain/order';
import { ConflictError, InvalidInputError } from '../../../../shared/errors';
import { orderView } from '../../../../shared/http/views';
import { makeAdvanceOrder } from '../../../../shared/use-cases/advance-order';
import { makeAllocateStock } from '../../../../shared/use-cases/allocate-stock';
import { makeBeginWait } from '../../../../shared/use-cases/begin-wait';
import { makeCompensateOrder } from '../../../../shared/use-cases/compensate-order';
import { makeDispatchStock } from '../../../../shared/use-cases/dispatch-stock';
import { makeIssueDocuments } from '../../../../shared/use-cases/documents/issue-documents';
import { makeCancelOrder } from '../../../../shared/use-cases/order-actions/cancel-order';
import { makeRecordDelivery } from '../../../../shared/use-cases/order-actions/record-delivery';
import { makeRecordPacking } from '../../../../shared/use-cases/order-actions/record-packing';
import { makeRecordPayment } from '../../../../shared/use-cases/order-actions/record-payment';
import { makeRecordShipment } from '../../../../shared/use-cases/order-actions/record-shipment';
import { makeRecordTrackingEvent } from '../../../../shared/use-cases/order-actions/record-tracking-event';
import { makeStockAvailable } from '../../../../shared/use-cases/stock-available';
import { anOrder, ORDER_ID, staff } from '../../../fixtures/orders';
import { productBodies } from '../../../fixtures/products';

/**
 * Partial shipments through the use cases on in-memory ports, as the workflow calls them: the stock
 * step ships what is allocated and keeps a backorder, each shipment is packed, documented, paid for,
 * booked and dispatched on its own, an earlier shipment's carrier updates and delivery are recorded
 * while the backorder waits, and the order is delivered once every shipment is. The order: 200 ×
 * VALVE-DN50 at 12.50 and 4 × PUMP-3KW at 899.90 (EUR 6099.60), TT 30/70; 120 valves in stock.
 */

const box = (lines: { sku: string; quantity: number }[]) => ({
  weightKg: 150,
  lengthCm: 120,
  widthCm: 80,
  heightCm: 90,
  lines,
});
const booking = (n: number) => ({
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: `MAEU-BL-${n}`,
  trackingNumber: `MSKU-${n}`,
  etd: '2026-12-01',
  eta: '2027-01-05',
});

async function world(options: { valves?: number } = {}) {
  let seq = 0;
  const clock = { now: () => new Date(Date.parse('2026-12-01T08:00:00Z') + ++seq * 1000) };
  const orders = makeInMemoryOrderRepository([
    anOrder('CONFIRMED', { allowPartialShipments: true, paid: { currency: 'EUR', minor: 182988 } }),
  ]);
  const customers = makeInMemoryCustomerRepository();
  const inventory = makeInMemoryInventoryRepository({
    products: productBodies.map(({ sku, name, hsCode, originCountry, unit, netWeightKg, grossWeightKg }) => ({
      sku,
      name,
      hsCode,
      originCountry,
      unit,
      netWeightKg,
      grossWeightKg,
    })),
  });
  await inventory.setStock('VALVE-DN50', { onHand: options.valves ?? 120 });
  await inventory.setStock('PUMP-3KW', { onHand: 10 });
  const events = makeRecordingPublisher();
  const callbacks = makeRecordingCallbacks();
  const documents = makeInMemoryTradeDocumentStore();
  const actions = { orders, events, callbacks, clock };
  const stockAvailable = makeStockAvailable(inventory);
  const beginWait = makeBeginWait({ orders, events, callbacks, clock, stockAvailable });
  let token = 0;
  return {
    orders,
    inventory,
    events,
    callbacks,
    documents,
    allocate: makeAllocateStock({ orders, inventory, events, clock }),
    dispatch: makeDispatchStock({ orders, inventory }),
    compensate: makeCompensateOrder({ orders, inventory, events, clock }),
    advance: makeAdvanceOrder({ orders, events, clock }),
    issue: makeIssueDocuments({
      orders,
      customers,
      inventory,
      company: makeInMemoryCompanyDetails(),
      numbers: makeInMemoryDocumentNumbers(),
      documents,
      events,
      clock,
    }),
    /** The workflow entering a wait, with a fresh token. */
    wait: (wait: Parameters<typeof beginWait>[0]['wait']) =>
      beginWait({ orderId: ORDER_ID, wait, taskToken: `token-${++token}` }),
    pack: makeRecordPacking(actions),
    ship: makeRecordShipment(actions),
    track: makeRecordTrackingEvent(actions),
    deliver: makeRecordDelivery(actions),
    pay: makeRecordPayment(actions),
    cancel: makeCancelOrder(actions),
    order: async (): Promise<Order> => (await orders.get(ORDER_ID))!,
    of: <T extends EventType>(type: T) =>
      events.published.filter((event) => event.type === type) as DomainEvent<T>[],
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** Shipment 1 (120 valves, 4 pumps) allocated, packed, documented, paid for, booked and dispatched. */
async function firstShipmentOut(w: World) {
  await w.allocate(ORDER_ID);
  await w.wait('packing');
  await w.pack(
    ORDER_ID,
    {
      packages: [
        box([
          { sku: 'VALVE-DN50', quantity: 120 },
          { sku: 'PUMP-3KW', quantity: 4 },
        ]),
      ],
    },
    staff.warehouse,
  );
  await w.issue(ORDER_ID, 'shipping');
  await w.wait('balance');
  await w.pay(ORDER_ID, { amount: '3569.72', currency: 'EUR', reference: 'BAL-1' }, staff.finance);
  await w.wait('shipment');
  await w.ship(ORDER_ID, booking(1), staff.logistics);
  await w.dispatch(ORDER_ID);
  await w.issue(ORDER_ID, 'shipping');
}

describe('an order that allows partial shipments, short of stock', () => {
  it('goes on with what is allocated and keeps the rest on backorder', async () => {
    // Prepare
    const w = await world();

    // Act
    const outcome = await w.allocate(ORDER_ID);

    // Assess
    expect(outcome).toEqual({ complete: false, readyToPack: true, backorder: true });
    const order = await w.order();
    expect(order.reservations).toEqual([
      { sku: 'VALVE-DN50', quantity: 120 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);
    expect(orderView(order).backorder).toEqual([{ sku: 'VALVE-DN50', quantity: 80 }]);
    expect(w.of('StockAllocated')[0].detail).toMatchObject({
      shipmentNo: 1,
      lines: order.reservations,
      backorder: [{ sku: 'VALVE-DN50', quantity: 80 }],
    });
    expect(w.of('ProcurementRequested').map((event) => event.detail)).toEqual([
      expect.objectContaining({ sku: 'VALVE-DN50', quantityShort: 80 }),
    ]);
  });

  it('refuses a packing list that does not match what is allocated to the shipment, saying so', async () => {
    // Prepare
    const w = await world();
    await w.allocate(ORDER_ID);
    await w.wait('packing');

    // Act
    const attempt = w.pack(
      ORDER_ID,
      {
        packages: [
          box([
            { sku: 'VALVE-DN50', quantity: 200 },
            { sku: 'PUMP-3KW', quantity: 4 },
          ]),
        ],
      },
      staff.warehouse,
    );

    // Assess
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow('VALVE-DN50: 120 allocated to shipment 1, 200 packed');
    expect((await w.order()).packages).toBeUndefined();
  });

  it('asks before shipment 1 for the deposit plus the balance share of what it ships', async () => {
    // Prepare
    const w = await world();
    await w.allocate(ORDER_ID);
    await w.wait('packing');
    await w.pack(
      ORDER_ID,
      {
        packages: [
          box([
            { sku: 'VALVE-DN50', quantity: 120 },
            { sku: 'PUMP-3KW', quantity: 4 },
          ]),
        ],
      },
      staff.warehouse,
    );

    // Act
    const state = await w.wait('balance');

    // Assess: 5099.60 shipped + 30% of the 1000.00 still to ship = 5399.60, of which 1829.88 is paid
    expect(state).toBe('waiting');
    expect(w.of('PaymentDue')[0].detail).toMatchObject({
      shipmentNo: 1,
      outstanding: { amount: '3569.72', currency: 'EUR' },
    });
  });

  it('ships part 1 with its own documents, dispatches its stock once, and loops back for the backorder', async () => {
    // Prepare
    const w = await world();

    // Act
    await firstShipmentOut(w);
    const again = await w.dispatch(ORDER_ID);
    const next = await w.allocate(ORDER_ID);

    // Assess: the booking names the shipment, what it carries and what is left
    expect(w.of('ShipmentDispatched')[0].detail).toMatchObject({
      changeId: `${ORDER_ID}:ShipmentDispatched`,
      shipmentNo: 1,
      lines: [
        { sku: 'VALVE-DN50', quantity: 120 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ],
      backorder: [{ sku: 'VALVE-DN50', quantity: 80 }],
    });
    // Stock left once, as shipment 1, and nothing is held while the backorder waits
    expect(again).toEqual({ dispatched: [], shipmentNo: 1 });
    const moves = (await w.inventory.listMovements('VALVE-DN50', { limit: 50 })).items;
    expect(moves.filter((move) => move.reason === 'shipment')).toEqual([
      expect.objectContaining({ quantity: 120, shipmentNo: 1, orderId: ORDER_ID }),
    ]);
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({ onHand: 0, available: 0 });
    // Its documents: one commercial invoice, issued and reissued with the transport (v2)
    const invoice = await w.documents.latest(ORDER_ID, 'commercial-invoice', 1);
    expect(invoice).toMatchObject({ version: 2, shipmentNo: 1 });
    const customs = await w.documents.latest(ORDER_ID, 'customs-declaration', 1);
    const data = JSON.parse(Buffer.from(await w.documents.read(customs!, 'json')).toString('utf8')) as {
      lines: { sku: string; quantity: number }[];
      totals: { goods: string };
    };
    expect(data.lines.map((line) => [line.sku, line.quantity])).toEqual([
      ['VALVE-DN50', 120],
      ['PUMP-3KW', 4],
    ]);
    expect(data.totals.goods).toBe('5099.60');
    // The stock step closed shipment 1 and waits for the backorder
    expect(next).toEqual({ complete: false, readyToPack: false, backorder: false });
    const order = await w.order();
    expect(order.shipments?.map((record) => record.shipmentNo)).toEqual([1]);
    expect(order.shipment).toBeUndefined();
    expect(order.shortfalls).toEqual([{ sku: 'VALVE-DN50', short: 80 }]);
  });

  it("records shipment 1's carrier updates and delivery while the backorder waits, ending no wait", async () => {
    // Prepare
    const w = await world();
    await firstShipmentOut(w);
    await w.allocate(ORDER_ID);
    await w.wait('stock');

    // Act
    await w.track(
      ORDER_ID,
      { status: 'DELAYED', at: '2026-12-10T08:00:00Z', newEta: '2027-01-12' },
      staff.logistics,
    );
    const after = await w.deliver(
      ORDER_ID,
      { deliveredAt: '2026-11-30T09:00:00Z', shipmentNo: 1 },
      staff.logistics,
    );

    // Assess
    expect(w.callbacks.succeeded).toEqual([
      expect.objectContaining({ output: expect.objectContaining({ kind: 'packing' }) }),
      expect.objectContaining({ output: expect.objectContaining({ kind: 'balance' }) }),
      expect.objectContaining({ output: expect.objectContaining({ kind: 'shipment' }) }),
    ]);
    expect(after.status).toBe('AWAITING_STOCK');
    expect(after.shipments?.[0]).toMatchObject({
      tracking: { eta: '2027-01-12' },
      delivery: { deliveredAt: '2026-11-30T09:00:00Z' },
    });
    expect(w.of('ShipmentExceptionOpened')[0].detail).toMatchObject({ shipmentNo: 1, exception: 'DELAYED' });
    expect(w.of('ShipmentDelivered').map((event) => event.detail)).toEqual([
      expect.objectContaining({ shipmentNo: 1, changeId: `${ORDER_ID}:ShipmentDelivered` }),
    ]);
    const view = orderView(after);
    expect(view.shipments?.map((s) => [s.shipmentNo, s.status])).toEqual([[1, 'DELIVERED']]);
    expect(view.shipment?.trackingNumber).toBe('MSKU-1');
  });

  it('ships the backorder as shipment 2, numbered on its own, and is delivered once both are', async () => {
    // Prepare
    const w = await world();
    await firstShipmentOut(w);
    await w.allocate(ORDER_ID);
    await w.inventory.receive('VALVE-DN50', 80);

    // Act
    const second = await w.allocate(ORDER_ID);
    await w.wait('packing');
    await w.pack(ORDER_ID, { packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])] }, staff.warehouse);
    await w.issue(ORDER_ID, 'shipping');
    await w.wait('balance');
    await w.pay(ORDER_ID, { amount: '700.00', currency: 'EUR', reference: 'BAL-2' }, staff.finance);
    await w.wait('shipment');
    await w.ship(ORDER_ID, { ...booking(2), shipmentNo: 2 }, staff.logistics);
    await w.dispatch(ORDER_ID);
    await w.issue(ORDER_ID, 'shipping');
    await w.wait('delivery');
    await w.deliver(ORDER_ID, { deliveredAt: '2026-11-30T09:00:00Z', shipmentNo: 2 }, staff.logistics);
    const early = w.callbacks.succeeded.some((call) => call.output.kind === 'delivery');
    await w.deliver(ORDER_ID, { deliveredAt: '2026-11-30T09:30:00Z', shipmentNo: 1 }, staff.logistics);
    await w.advance(ORDER_ID, 'delivered');

    // Assess: allocated whole, so shipment 2 is the last
    expect(second).toEqual({ complete: true, readyToPack: true, backorder: false });
    expect(w.of('PaymentDue').at(-1)?.detail).toMatchObject({
      shipmentNo: 2,
      changeId: `${ORDER_ID}:PaymentDue:balance:shipment-2`,
      outstanding: { amount: '700.00' },
    });
    expect(w.of('ShipmentDispatched')[1].detail).toMatchObject({
      changeId: `${ORDER_ID}:ShipmentDispatched:shipment-2`,
      shipmentNo: 2,
      backorder: [],
    });
    // Its documents have their own numbers
    const first = await w.documents.latest(ORDER_ID, 'commercial-invoice', 1);
    const own = await w.documents.latest(ORDER_ID, 'commercial-invoice', 2);
    expect(own).toMatchObject({ version: 2, shipmentNo: 2 });
    expect(own?.number).not.toBe(first?.number);
    expect(w.of('DocumentsIssued').filter((event) => event.detail.shipmentNo === 2)).toHaveLength(2);
    // Stock: shipment 2 left as shipment 2
    const moves = (await w.inventory.listMovements('VALVE-DN50', { limit: 50 })).items;
    expect(
      moves.filter((move) => move.reason === 'shipment').map((move) => [move.shipmentNo, move.quantity]),
    ).toEqual([
      [2, 80],
      [1, 120],
    ]);
    // Delivery: shipment 2 first (not yet the whole order), then shipment 1 completes it
    expect(early).toBe(false);
    expect(w.callbacks.succeeded.at(-1)?.output).toMatchObject({ kind: 'delivery' });
    expect(w.of('ShipmentDelivered').map((event) => event.detail.shipmentNo)).toEqual([2]);
    expect(w.of('OrderDelivered')[0].detail).toMatchObject({
      shipmentNo: 1,
      deliveredAt: '2026-11-30T09:30:00Z',
    });
    const view = orderView(await w.order());
    // Delivered with everything paid: completed in the same step (advance-order).
    expect(view.status).toBe('COMPLETED');
    expect(w.of('OrderCompleted')).toHaveLength(1);
    expect(view.backorder).toEqual([]);
    expect(view.shipments?.map((s) => [s.shipmentNo, s.status, s.documents.map((d) => d.number)])).toEqual([
      [1, 'DELIVERED', [first?.number, expect.any(String), expect.any(String)]],
      [2, 'DELIVERED', [own?.number, expect.any(String), expect.any(String)]],
    ]);
  });

  it('refuses to pack or book a shipment that is not the one being prepared', async () => {
    // Prepare
    const w = await world();
    await firstShipmentOut(w);
    await w.allocate(ORDER_ID);

    // Act
    const later = w.ship(ORDER_ID, { ...booking(3), shipmentNo: 3 }, staff.logistics);
    const earlier = w.pack(
      ORDER_ID,
      { packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])], shipmentNo: 1 },
      staff.warehouse,
    );
    const repeat = await w.ship(ORDER_ID, { ...booking(1), shipmentNo: 1 }, staff.logistics);

    // Assess
    await expect(later).rejects.toThrow(ConflictError);
    await expect(earlier).rejects.toThrow('shipment 1 is already packed and has left');
    expect(repeat.shipments?.[0].shipment?.trackingNumber).toBe('MSKU-1');
  });

  it('on cancellation gives back only what is not shipped and refunds only beyond the goods that left', async () => {
    // Prepare
    const w = await world();
    await firstShipmentOut(w);
    await w.inventory.receive('VALVE-DN50', 50);
    await w.allocate(ORDER_ID);

    // Act
    const cancelled = await w.cancel(ORDER_ID, { reason: 'the buyer needs no more' }, staff.sales);
    const { released } = await w.compensate(ORDER_ID);

    // Assess: paid 5399.60, shipment 1 worth 5099.60; the 50 valves held for shipment 2 go back
    expect(cancelled.cancellation?.refundDue).toEqual({ currency: 'EUR', minor: 30000 });
    expect(released).toEqual([{ sku: 'VALVE-DN50', quantity: 50 }]);
    expect(await w.inventory.getStock('VALVE-DN50')).toMatchObject({ onHand: 50, available: 50 });
    expect(await w.inventory.getStock('PUMP-3KW')).toMatchObject({ onHand: 6, available: 6 });
  });
});

describe('an order that does not allow partial shipments', () => {
  it('waits for all its stock, as ever', async () => {
    // Prepare
    const w = await world();
    const order = await w.order();
    await w.orders.save({ ...order, allowPartialShipments: undefined, version: order.version + 1 });

    // Act
    const outcome = await w.allocate(ORDER_ID);

    // Assess
    expect(outcome).toEqual({ complete: false, readyToPack: false, backorder: false });
    expect(w.of('StockAllocated')).toEqual([]);
    expect(orderView(await w.order())).toMatchObject({ allowPartialShipments: false });
    expect(orderView(await w.order()).backorder).toBeUndefined();
  });
});
