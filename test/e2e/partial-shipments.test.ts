import type { PutEventRecord } from '../../infra/local/eventbridge/eventbridge-server';
import { customerBody, orderBody } from '../fixtures/api-bodies';
import {
  eventually,
  type LocalSystem,
  type SentEmail,
  startLocalSystem,
} from '../integration/support/local-system';

/**
 * Partial shipments end to end on the embedded runtime, through the HTTP API: an order that allows
 * them is short of valves, so shipment 1 goes with what is in stock (packing, documents, its share
 * of the balance, booking, a carrier update and its delivery while the backorder waits), a
 * purchase-order receipt lets shipment 2 go out, both are delivered, the money is settled and the
 * order COMPLETED. Then: documents per shipment, emails per shipment, the stock ledger, the
 * tracking page listing both, the events routed.
 *
 * The order: 200 × VALVE-DN50 at 12.50 and 4 × PUMP-3KW at 899.90 (EUR 6099.60), TT 30/70, with
 * 120 valves in stock: shipment 1 is 120 valves and the pumps (EUR 5099.60), shipment 2 the other 80.
 */
jest.setTimeout(300_000);

describe('an order shipped in two parts, through the API', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    const counted = await system.api('/inventory/VALVE-DN50', {
      method: 'PUT',
      as: 'warehouse',
      body: { onHand: 120 },
    });
    expect(counted.status).toBe(200);
  }, 120_000);
  afterAll(() => system.stop());

  const read = async (orderId: string) => (await system.api(`/orders/${orderId}`, { as: 'sales' })).json;
  const reach = (
    orderId: string,
    status: string,
    check: (order: Record<string, unknown>) => boolean = () => true,
  ) =>
    eventually(
      async () => {
        const order = await read(orderId);
        return order.status === status && check(order) ? order : undefined;
      },
      30_000,
      status,
    );
  const buyerMail = async (orderId: string): Promise<SentEmail[]> =>
    (await system.sentEmails()).filter(
      (mail) => mail.destination.to[0] === 'partial@hamburg-tools.example' && mail.subject.includes(orderId),
    );

  it('ships part 1, waits for the backorder, ships part 2 and completes, each shipment on its own', async () => {
    // Prepare
    const customer = await system.api('/customers', {
      body: { ...customerBody, email: 'partial@hamburg-tools.example', language: 'en' },
    });
    const placed = await system.api('/orders', {
      body: { ...orderBody(customer.json.customerId), allowPartialShipments: true },
    });
    expect(placed.status).toBe(201);
    const { orderId } = placed.json;
    const post = (action: string, as: string, body: unknown) =>
      system.api(`/orders/${orderId}/${action}`, { as, body });
    const pay = async (amount: string, reference: string) =>
      expect((await post('payments', 'finance', { amount, currency: 'EUR', reference })).status).toBe(200);
    const box = (lines: { sku: string; quantity: number }[]) => ({
      weightKg: 150,
      lengthCm: 120,
      widthCm: 80,
      heightCm: 90,
      lines,
    });
    const booking = (n: number) => ({
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: `MAEU-BL-${n}`,
      trackingNumber: `MSKU-${n}`,
      trackingUrl: `https://track.example/MSKU-${n}`,
      etd: '2026-12-01',
      eta: '2027-01-05',
      portOfLoading: 'CNSHA',
      portOfDischarge: 'DEHAM',
    });

    // Act / Assess: shipment 1 goes with what is in stock
    const confirmed = await reach(orderId, 'AWAITING_DEPOSIT');
    expect(confirmed.allowPartialShipments).toBe(true);
    await pay('1829.88', 'DEP-1');
    const producing = await reach(orderId, 'IN_PRODUCTION');
    expect(producing.reservations).toEqual([
      { sku: 'VALVE-DN50', quantity: 120 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);
    expect(producing.backorder).toEqual([{ sku: 'VALVE-DN50', quantity: 80 }]);

    const whole = await post('packing', 'warehouse', {
      packages: [box([{ sku: 'VALVE-DN50', quantity: 200 }]), box([{ sku: 'PUMP-3KW', quantity: 4 }])],
    });
    expect(whole.status).toBe(400);
    expect(whole.json.error.message).toMatch(/VALVE-DN50: 120 allocated to shipment 1, 200 packed/);
    expect(
      (
        await post('packing', 'warehouse', {
          packages: [box([{ sku: 'VALVE-DN50', quantity: 120 }]), box([{ sku: 'PUMP-3KW', quantity: 4 }])],
        })
      ).status,
    ).toBe(200);

    // its balance share: 5099.60 shipped + 30% of the 1000.00 to come = 5399.60, 1829.88 paid
    const owing = await reach(orderId, 'AWAITING_BALANCE');
    expect(owing.outstanding).toBe('4269.72');
    await pay('3569.72', 'BAL-1');
    await reach(orderId, 'READY_TO_SHIP');
    expect((await post('shipment', 'logistics', booking(1))).status).toBe(200);

    // the backorder waits for stock while shipment 1 travels and arrives
    const waiting = await reach(orderId, 'AWAITING_STOCK');
    expect(waiting.shipments).toEqual([
      expect.objectContaining({ shipmentNo: 1, status: 'IN_TRANSIT', trackingNumber: 'MSKU-1' }),
    ]);
    expect(waiting.shipment).toMatchObject({ trackingNumber: 'MSKU-1' });
    expect(waiting.backorder).toEqual([{ sku: 'VALVE-DN50', quantity: 80 }]);
    const delayed = await post('tracking-events', 'logistics', {
      status: 'DELAYED',
      at: '2026-12-10T08:00:00Z',
      location: 'Suez',
      newEta: '2027-01-12',
      shipmentNo: 1,
    });
    expect(delayed.status).toBe(200);
    expect(delayed.json.shipments[0]).toMatchObject({ eta: '2027-01-12', exception: { type: 'DELAYED' } });
    const arrived = await post('delivery', 'logistics', {
      deliveredAt: new Date().toISOString(),
      receivedBy: 'Dock 3',
      shipmentNo: 1,
    });
    expect(arrived.status).toBe(200);
    expect(arrived.json).toMatchObject({ status: 'AWAITING_STOCK', waitingFor: 'stock' });
    expect(arrived.json.shipments[0]).toMatchObject({ status: 'DELIVERED', receivedBy: 'Dock 3' });

    // procurement's purchase order arrives: shipment 2
    const supplier = await system.api('/suppliers', {
      body: { name: 'Ningbo Valve Works', leadTimeDays: 21, currency: 'EUR', skus: ['VALVE-DN50'] },
      as: 'procurement',
    });
    const po = await system.api('/purchase-orders', {
      body: {
        supplierId: supplier.json.supplierId,
        currency: 'EUR',
        lines: [{ sku: 'VALVE-DN50', quantity: 80, unitCost: '7.10' }],
      },
      as: 'procurement',
    });
    expect(po.status).toBe(201);
    const receipt = await system.api(`/purchase-orders/${po.json.purchaseOrderId}/receipts`, {
      body: { lines: [{ sku: 'VALVE-DN50', quantity: 80 }] },
      as: 'warehouse',
    });
    expect(receipt.status).toBe(201);
    expect(receipt.json.resumedOrderIds).toEqual([orderId]);
    await reach(orderId, 'IN_PRODUCTION');
    expect(
      (
        await post('packing', 'warehouse', {
          packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])],
          shipmentNo: 2,
        })
      ).status,
    ).toBe(200);
    await reach(orderId, 'AWAITING_BALANCE');
    await pay('700.00', 'BAL-2');
    await reach(orderId, 'READY_TO_SHIP');
    expect((await post('shipment', 'logistics', { ...booking(2), shipmentNo: 2 })).status).toBe(200);
    await reach(orderId, 'IN_TRANSIT');
    expect((await post('delivery', 'logistics', { deliveredAt: new Date().toISOString() })).status).toBe(200);
    const completed = await reach(orderId, 'COMPLETED');

    // Assess: the order
    expect(completed).toMatchObject({ paid: '6099.60', outstanding: '0.00', backorder: [] });
    expect(
      completed.shipments.map((s: { shipmentNo: number; status: string; lines: unknown }) => [
        s.shipmentNo,
        s.status,
        s.lines,
      ]),
    ).toEqual([
      [
        1,
        'DELIVERED',
        [
          { sku: 'VALVE-DN50', quantity: 120 },
          { sku: 'PUMP-3KW', quantity: 4 },
        ],
      ],
      [2, 'DELIVERED', [{ sku: 'VALVE-DN50', quantity: 80 }]],
    ]);

    // documents: each shipment its own invoice, packing list and customs data, issued then reissued (v2)
    const listing = (await system.api(`/orders/${orderId}/documents`, { as: 'sales' })).json;
    const numbers = (n: number, kind: string) =>
      listing.shipments
        .find((s: { shipmentNo: number }) => s.shipmentNo === n)
        .documents.filter((d: { kind: string }) => d.kind === kind)
        .map((d: { number: string; version: number }) => [d.number, d.version]);
    for (const kind of ['commercial-invoice', 'packing-list', 'customs-declaration']) {
      expect(numbers(1, kind).map(([, version]: [string, number]) => version)).toEqual([2, 1]);
      expect(numbers(2, kind).map(([, version]: [string, number]) => version)).toEqual([2, 1]);
      expect(numbers(1, kind)[0][0]).not.toBe(numbers(2, kind)[0][0]);
    }
    const customs = await system.api(
      `/orders/${orderId}/documents/customs-declaration?format=json&shipmentNo=2`,
      { as: 'sales' },
    );
    expect(customs.status).toBe(200);
    expect(customs.json.documentNumber).toBe(numbers(2, 'customs-declaration')[0][0]);
    expect(
      customs.json.lines.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity]),
    ).toEqual([['VALVE-DN50', 80]]);
    expect(customs.json.totals.goods).toBe('1000.00');
    expect(customs.json.transport).toMatchObject({ transportDocumentNo: 'MAEU-BL-2' });

    // the stock ledger: each shipment left once, as itself
    const ledger = (await system.api('/inventory/VALVE-DN50/movements?limit=50', { as: 'warehouse' })).json;
    expect(
      ledger.items
        .filter(
          (move: { reason: string; orderId?: string }) =>
            move.reason === 'shipment' && move.orderId === orderId,
        )
        .map((move: { shipmentNo: number; quantity: number }) => [move.shipmentNo, move.quantity]),
    ).toEqual([
      [2, 80],
      [1, 120],
    ]);
    expect((await system.api('/inventory/VALVE-DN50', { as: 'warehouse' })).json).toMatchObject({
      onHand: 0,
      reserved: 0,
    });

    // the buyer's emails name each shipment, and link each one's own documents
    await system.runtime.idle();
    const mail = await buyerMail(orderId);
    const subjects = mail.map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `Order ${orderId}: shipment 1 has shipped`,
        `Order ${orderId}: shipment 2 has shipped`,
        `Order ${orderId}, shipment 1: your shipment is delayed`,
        `Order ${orderId}: shipment 1 delivered`,
        `Order ${orderId} delivered`,
      ]),
    );
    expect(subjects.filter((subject) => /has shipped/.test(subject))).toHaveLength(2);
    const shipped = (n: number) =>
      mail.find((m) => m.subject === `Order ${orderId}: shipment ${n} has shipped`)!;
    expect(shipped(1).body.text).toContain(numbers(1, 'commercial-invoice')[0][0]);
    expect(shipped(1).body.text).toContain('Still to come');
    expect(shipped(1).body.text).toContain('80 × VALVE-DN50');
    expect(shipped(2).body.text).toContain(numbers(2, 'commercial-invoice')[0][0]);
    expect(shipped(2).body.text).toContain('/documents/commercial-invoice?shipment=2');
    expect(shipped(2).body.text).toContain('This is the last shipment of your order.');
    const finalMail = mail.find((m) => m.subject === `Order ${orderId} delivered`)!;
    expect(finalMail.body.text).toContain(`Shipment 2 of your order ${orderId}`);

    // the tracking page lists both shipments with their documents
    const token = new RegExp(`${system.runtime.info.apiUrl}/track/([A-Za-z0-9_-]{32})`).exec(
      shipped(2).body.text ?? '',
    )?.[1];
    expect(token).toBeDefined();
    const page = await fetch(`${system.runtime.info.apiUrl}/track/${token}`, {
      headers: { accept: 'application/json' },
    });
    const view = (await page.json()) as {
      shipments: {
        shipmentNo: number;
        status: string;
        documents: { kind: string; number: string; url: string }[];
      }[];
    };
    expect(view.shipments.map((s) => [s.shipmentNo, s.status])).toEqual([
      [1, 'DELIVERED'],
      [2, 'DELIVERED'],
    ]);
    const invoiceOf = (n: number) =>
      view.shipments[n - 1].documents.find((d) => d.kind === 'commercial-invoice')!;
    expect(invoiceOf(1).number).toBe(numbers(1, 'commercial-invoice')[0][0]);
    expect(invoiceOf(2)).toMatchObject({
      number: numbers(2, 'commercial-invoice')[0][0],
      url: `${token}/documents/commercial-invoice?shipment=2`,
    });
    const html = await (await fetch(`${system.runtime.info.apiUrl}/track/${token}`)).text();
    expect(html).toContain('Shipment 1');
    expect(html).toContain('Shipment 2');
    const pdf = await fetch(`${system.runtime.info.apiUrl}/track/${invoiceOf(2).url}`, {
      headers: { accept: 'application/pdf' },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain(`${numbers(2, 'commercial-invoice')[0][0]}.pdf`);

    // the events: each shipment told once, every route delivered
    const { events } = await system.admin<{ events: PutEventRecord[] }>('/events');
    const mine = events.filter((event) => event.event.detail.orderId === orderId);
    const shipmentsOf = (type: string) =>
      mine.filter((event) => event.detailType === type).map((event) => event.event.detail.shipmentNo);
    expect(shipmentsOf('ShipmentDispatched').sort()).toEqual([1, 2]);
    expect(shipmentsOf('ShipmentDelivered')).toEqual([1]);
    expect(shipmentsOf('OrderDelivered')).toEqual([2]);
    expect(mine.flatMap((event) => event.routes).every((route) => route.status === 'delivered')).toBe(true);
    expect((await system.admin<{ deadLetters: unknown[] }>('/dead-letters')).deadLetters).toEqual([]);
  });
});
