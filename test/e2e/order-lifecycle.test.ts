import type { PutEventRecord } from '../../infra/local/eventbridge/eventbridge-server';
import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../integration/support/local-system';

/**
 * A full export order driven through the HTTP API on the embedded runtime, receipt to completion,
 * with a delay in transit; the buyer's emails and the routed events are checked in the local parts.
 */
describe('an export order, receipt to completion, through the API', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
  });
  afterAll(() => system.stop());

  const statusOf = async (orderId: string) => (await system.api(`/orders/${orderId}`, { as: 'sales' })).json;
  const reach = (orderId: string, status: string) =>
    eventually(
      async () => {
        const order = await statusOf(orderId);
        return order.status === status ? order : undefined;
      },
      20_000,
      status,
    );

  it('walks TT 30/70 through every status, tells the buyer at each change and refuses what does not fit', async () => {
    // Prepare
    const customer = await system.api('/customers', { body: customerBody });
    const { orderId } = (await system.api('/orders', { body: orderBody(customer.json.customerId) })).json;
    const post = (action: string, as: string, body: unknown, headers?: Record<string, string>) =>
      system.api(`/orders/${orderId}/${action}`, { as, body, headers });

    // Act / Assess, status by status
    const confirmed = await reach(orderId, 'AWAITING_DEPOSIT');
    expect(confirmed.paymentSchedule.installments.map((i: { amount: string }) => i.amount)).toEqual([
      '1829.88',
      '4269.72',
    ]);

    const early = await post('shipment', 'logistics', {
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'B1',
      trackingNumber: 'T1',
      etd: '2026-12-01',
      eta: '2027-01-05',
    });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'CONFLICT', status: 'AWAITING_DEPOSIT' });

    const deposit = { amount: '1829.88', currency: 'EUR', reference: 'DEP-1' };
    const first = await post('payments', 'finance', deposit, { 'Idempotency-Key': 'pay-dep-1' });
    const repeat = await post('payments', 'finance', deposit, { 'Idempotency-Key': 'pay-dep-1' });
    const reused = await post(
      'payments',
      'finance',
      { ...deposit, amount: '1.00' },
      { 'Idempotency-Key': 'pay-dep-1' },
    );
    expect(first.status).toBe(200);
    expect(repeat.status).toBe(200);
    expect(repeat.json.paid).toBe(first.json.paid);
    expect(reused.status).toBe(422);

    await reach(orderId, 'IN_PRODUCTION');
    const promised = await post('promised-date', 'warehouse', { promisedDate: '2099-12-18' });
    expect(promised.status).toBe(200);
    expect(promised.json).toMatchObject({ status: 'IN_PRODUCTION', promisedDate: '2099-12-18' });
    expect(
      (await post('promised-date', 'warehouse', { promisedDate: '2001-01-01' })).json.error,
    ).toMatchObject({
      field: 'promisedDate',
    });
    expect((await post('promised-date', 'logistics', { promisedDate: '2099-12-18' })).status).toBe(403);
    const short = await post('packing', 'warehouse', {
      packages: [
        {
          weightKg: 300,
          lengthCm: 120,
          widthCm: 80,
          heightCm: 90,
          lines: [{ sku: 'VALVE-DN50', quantity: 100 }],
        },
      ],
    });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toMatch(/VALVE-DN50: 200 ordered, 100 packed/);
    const packed = await post('packing', 'warehouse', {
      packages: [
        {
          weightKg: 300,
          lengthCm: 120,
          widthCm: 80,
          heightCm: 90,
          lines: [{ sku: 'VALVE-DN50', quantity: 200 }],
        },
        {
          weightKg: 190,
          lengthCm: 120,
          widthCm: 100,
          heightCm: 110,
          lines: [{ sku: 'PUMP-3KW', quantity: 4 }],
        },
      ],
    });
    expect(packed.status).toBe(200);

    await reach(orderId, 'AWAITING_BALANCE');
    expect(
      (await post('payments', 'finance', { amount: '4269.72', currency: 'EUR', reference: 'BAL-1' })).status,
    ).toBe(200);
    await reach(orderId, 'READY_TO_SHIP');
    const shipment = {
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'MAEU123',
      trackingNumber: 'TRK123',
      trackingUrl: 'https://track.example/TRK123',
      etd: '2026-12-01',
      eta: '2027-01-05',
      portOfLoading: 'CNSHA',
      portOfDischarge: 'DEHAM',
    };
    expect((await post('shipment', 'logistics', shipment)).status).toBe(200);
    await reach(orderId, 'IN_TRANSIT');

    expect(
      (
        await post('tracking-events', 'logistics', {
          status: 'DELAYED',
          at: '2026-12-10T08:00:00Z',
          location: 'Suez',
          newEta: '2027-01-12',
        })
      ).status,
    ).toBe(200);
    expect((await statusOf(orderId)).exception).toBe('DELAYED');
    expect(
      (
        await post('tracking-events', 'logistics', {
          status: 'IN_TRANSIT',
          at: '2026-12-12T08:00:00Z',
          location: 'Mediterranean',
        })
      ).status,
    ).toBe(200);
    expect((await statusOf(orderId)).exception).toBeUndefined();

    expect(
      (await post('delivery', 'logistics', { deliveredAt: new Date().toISOString(), receivedBy: 'Dock 3' }))
        .status,
    ).toBe(200);
    const completed = await reach(orderId, 'COMPLETED');
    expect((await post('cancel', 'sales', { reason: 'too late' })).json.error).toMatchObject({
      code: 'CONFLICT',
      status: 'COMPLETED',
    });

    // Assess: the timeline has every status, the buyer heard of each change once, the events were routed
    const statuses = completed.timeline.map((entry: { status?: string }) => entry.status).filter(Boolean);
    expect([...new Set(statuses)]).toEqual([
      'RECEIVED',
      'CONFIRMED',
      'AWAITING_DEPOSIT',
      'IN_PRODUCTION',
      'AWAITING_BALANCE',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ]);
    await system.runtime.idle();
    const buyerMail = (await system.sentEmails()).filter(
      (mail) => mail.destination.to[0] === 'buyer@hamburg-tools.example' && mail.subject.includes(orderId),
    );
    const subjects = buyerMail.map((mail) => mail.subject);
    // one email per change that matters to the buyer (in any order: deliveries are concurrent): the
    // deposit payment is told by the deposit email, the balance payment by its own
    expect(subjects).toHaveLength(7);
    expect(subjects).toEqual(
      expect.arrayContaining([
        `Order ${orderId} confirmed`,
        `Deposit received for order ${orderId}`,
        expect.stringMatching(new RegExp(`^Payment due for order ${orderId}`)),
        `Payment received for order ${orderId}`,
        `Order ${orderId} has shipped`,
        expect.stringMatching(/delay/i),
        `Order ${orderId} delivered`,
      ]),
    );
    const shipped = buyerMail.find((mail) => /shipped/i.test(mail.subject))!;
    expect(shipped.body.text).toEqual(expect.stringContaining('MAEU123'));
    expect(shipped.body.text).toEqual(expect.stringContaining('https://track.example/TRK123'));
    const { events } = await system.admin<{ events: PutEventRecord[] }>('/events');
    const mine = events.filter((event) => event.event.detail.orderId === orderId);
    expect(new Set(mine.map((event) => event.detailType))).toEqual(
      new Set([
        'OrderReceived',
        'OrderConfirmed',
        // the deposit, packing and delivery waits (the balance and shipment waits have their own)
        'OrderWaiting',
        // the proforma and order confirmation; then the shipping set, and again with the transport
        'DocumentsIssued',
        'PaymentReceived',
        'DepositReceived',
        'StockAllocated',
        'OrderPacked',
        'PaymentDue',
        'OrderReadyToShip',
        'ShipmentDispatched',
        'TrackingUpdated',
        'ShipmentExceptionOpened',
        'ShipmentExceptionResolved',
        'OrderDelivered',
        'OrderCompleted',
      ]),
    );
    expect(mine.flatMap((event) => event.routes).every((route) => route.status === 'delivered')).toBe(true);
    expect((await system.admin<{ deadLetters: unknown[] }>('/dead-letters')).deadLetters).toEqual([]);
  });

  it('holds credit for finance, and compensates a cancellation', async () => {
    // Prepare: open account over a small limit
    const customer = await system.api('/customers', {
      body: {
        ...customerBody,
        email: 'small@buyer.example',
        creditLimit: { amount: '100.00', currency: 'EUR' },
      },
    });
    const { orderId } = (
      await system.api('/orders', {
        body: { ...orderBody(customer.json.customerId), paymentTerms: { type: 'OA', netDays: 60 } },
      })
    ).json;

    // Act
    const held = await reach(orderId, 'CREDIT_HOLD');
    expect(held.creditReview).toMatchObject({ decision: 'hold' });
    expect(
      (await system.api(`/orders/${orderId}/credit-decision`, { as: 'sales', body: { decision: 'approve' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await system.api(`/orders/${orderId}/credit-decision`, {
          as: 'finance',
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(200);
    await reach(orderId, 'IN_PRODUCTION');
    const cancelled = await system.api(`/orders/${orderId}/cancel`, {
      as: 'sales',
      body: { reason: 'buyer withdrew' },
    });

    // Assess
    expect(cancelled.status).toBe(200);
    const done = await eventually(
      async () => {
        const order = await statusOf(orderId);
        return order.cancellation?.compensatedAt ? order : undefined;
      },
      20_000,
      'compensation',
    );
    expect(done.status).toBe('CANCELLED');
    expect(done.reservations ?? []).toEqual([]);
    const stock = await system.api('/inventory/VALVE-DN50', {
      method: 'PUT',
      as: 'warehouse',
      body: { onHand: 1000 },
    });
    expect(stock.status).toBe(200);
  });
});
