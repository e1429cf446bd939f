import { startWorkflowHarness, type WorkflowHarness } from './support/workflow-harness';

/** Carrier updates while the workflow waits for delivery: exceptions open and resolve, the wait stays. */
describe('workflow: in transit', () => {
  let h: WorkflowHarness;

  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('opens a delay exception, resolves it with a later update, and completes on delivery', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'PREPAID' } });
    const inTransit = await h.runTo(orderId, 'IN_TRANSIT');
    const token = inTransit.order.pendingWait?.token;

    // Act: the carrier reports a delay, then the ship arrives.
    await h.track(orderId, {
      status: 'DELAYED',
      at: '2026-12-20T08:00:00Z',
      location: 'Port Klang',
      note: 'vessel held by weather',
      newEta: '2027-01-12',
    });
    const delayed = await h.waitForWait(orderId, 'delivery');
    await h.track(orderId, { status: 'ARRIVED', at: '2027-01-11T16:00:00Z', location: 'Hamburg' });
    const resolved = await h.waitForWait(orderId, 'delivery');
    await h.deliver(orderId);
    const execution = await h.waitForExecution(orderId);

    // Assess
    expect(delayed.status).toBe('IN_TRANSIT');
    expect(delayed.pendingWait?.token).toBe(token);
    expect(delayed.tracking).toMatchObject({
      eta: '2027-01-12',
      exception: { type: 'DELAYED', openedAt: '2026-12-20T08:00:00Z', location: 'Port Klang' },
    });
    expect(resolved.status).toBe('IN_TRANSIT');
    expect(resolved.pendingWait?.token).toBe(token);
    expect(resolved.tracking?.exception).toBeUndefined();
    expect(execution.status).toBe('SUCCEEDED');
    expect((await h.order(orderId)).status).toBe('COMPLETED');
    expect(await h.statuses(orderId)).toEqual([
      'RECEIVED',
      'CONFIRMED',
      'AWAITING_DEPOSIT',
      'IN_PRODUCTION',
      'READY_TO_SHIP',
      'IN_TRANSIT',
      'DELIVERED',
      'COMPLETED',
    ]);
    expect(
      h
        .typesOf(orderId)
        .filter((type) => type !== 'OrderWaiting')
        .slice(-8),
    ).toEqual([
      'ShipmentDispatched',
      'DocumentsIssued',
      'TrackingUpdated',
      'ShipmentExceptionOpened',
      'TrackingUpdated',
      'ShipmentExceptionResolved',
      'OrderDelivered',
      'OrderCompleted',
    ]);
    expect(h.eventsOf(orderId, 'ShipmentExceptionOpened')[0].detail).toMatchObject({
      exception: 'DELAYED',
      eta: '2027-01-12',
      note: 'vessel held by weather',
    });
    expect(h.eventsOf(orderId, 'ShipmentExceptionResolved')[0].detail).toMatchObject({
      exception: 'DELAYED',
    });
    // Tracking updates do not end the delivery wait: it is entered once.
    expect((await h.statesEntered(orderId)).filter((state) => state === 'WaitForDelivery')).toHaveLength(1);
  });

  it('replaces one exception by another (damage after customs hold) and resolves the last one', async () => {
    // Prepare
    const { orderId } = await h.placeOrder({ terms: { type: 'OA', netDays: 30 } });
    await h.runTo(orderId, 'IN_TRANSIT');

    // Act
    await h.track(orderId, { status: 'CUSTOMS_HOLD', at: '2026-12-21T08:00:00Z', location: 'Hamburg' });
    await h.track(orderId, { status: 'DAMAGED', at: '2026-12-22T08:00:00Z', note: 'two crates crushed' });
    const damaged = await h.order(orderId);
    await h.track(orderId, { status: 'OUT_FOR_DELIVERY', at: '2026-12-23T08:00:00Z' });
    await h.runTo(orderId, 'end');

    // Assess
    expect(damaged.tracking?.exception).toMatchObject({ type: 'DAMAGED', note: 'two crates crushed' });
    expect(h.eventsOf(orderId, 'ShipmentExceptionOpened').map((event) => event.detail.exception)).toEqual([
      'CUSTOMS_HOLD',
      'DAMAGED',
    ]);
    expect(h.eventsOf(orderId, 'ShipmentExceptionResolved').map((event) => event.detail.exception)).toEqual([
      'CUSTOMS_HOLD',
      'DAMAGED',
    ]);
    const order = await h.order(orderId);
    expect(order.tracking?.exception).toBeUndefined();
    expect(order.status).toBe('COMPLETED');
  });
});
