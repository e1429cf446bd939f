import type { Order } from '../../../../shared/domain/order';
import { orderView } from '../../../../shared/http/views';
import { makeRecordTrackingEvent } from '../../../../shared/use-cases/order-actions/record-tracking-event';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

function inTransit(): Order {
  return anOrder('IN_TRANSIT', {
    pendingWait: waitingFor('delivery'),
    shipment: {
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'MAEU123456789',
      trackingNumber: 'MSKU1234565',
      etd: '2026-12-01',
      eta: '2027-01-05',
      dispatchedAt: '2026-11-26T10:00:00.000Z',
    },
    tracking: { eta: '2027-01-05' },
  });
}

describe('POST /orders/{id}/tracking-events', () => {
  it('appends a normal update and announces it, with the ETA', async () => {
    // Prepare
    const w = world(inTransit());

    // Act
    const order = await makeRecordTrackingEvent(w.deps)(
      ORDER_ID,
      { status: 'DEPARTED', at: '2026-12-01T18:00:00Z', location: 'Shanghai' },
      staff.logistics,
    );

    // Assess
    expect(order.trackingEvents).toEqual([
      { status: 'DEPARTED', at: '2026-12-01T18:00:00Z', location: 'Shanghai', recordedAt: NOW },
    ]);
    expect(order.tracking).toEqual({ eta: '2027-01-05', lastEventAt: '2026-12-01T18:00:00Z' });
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Carrier update: DEPARTED at Shanghai',
      by: staff.logistics,
    });
    expect(w.events.published).toEqual([
      {
        type: 'TrackingUpdated',
        detail: {
          version: 1,
          changeId: `${ORDER_ID}:tracking:1`,
          occurredAt: NOW,
          orderId: ORDER_ID,
          status: 'DEPARTED',
          at: '2026-12-01T18:00:00Z',
          location: 'Shanghai',
          eta: '2027-01-05',
        },
      },
    ]);
    expect(w.callbacks.succeeded).toEqual([]);
  });

  it('opens an exception on a delay (with its new ETA) and resolves it with a later normal update', async () => {
    // Prepare
    const w = world(inTransit());
    const record = makeRecordTrackingEvent(w.deps);

    // Act
    const delayed = await record(
      ORDER_ID,
      {
        status: 'DELAYED',
        at: '2026-12-20T08:00:00Z',
        location: 'Singapore',
        note: 'port congestion',
        newEta: '2027-01-12',
      },
      staff.logistics,
    );
    const arrived = await record(
      ORDER_ID,
      { status: 'ARRIVED', at: '2027-01-11T06:00:00Z', location: 'Hamburg' },
      staff.logistics,
    );

    // Assess
    expect(orderView(delayed).exception).toBe('DELAYED');
    expect(delayed.tracking?.eta).toBe('2027-01-12');
    expect(delayed.timeline.at(-1)).toMatchObject({
      what: 'Carrier update: DELAYED at Singapore; exception DELAYED opened',
      note: 'ETA moved from 2027-01-05 to 2027-01-12; port congestion',
    });
    expect(orderView(arrived).exception).toBeUndefined();
    expect(arrived.tracking?.exception).toBeUndefined();
    expect(arrived.timeline.at(-1)?.what).toBe(
      'Carrier update: ARRIVED at Hamburg; exception DELAYED resolved',
    );
    expect(w.types()).toEqual([
      'TrackingUpdated',
      'ShipmentExceptionOpened',
      'TrackingUpdated',
      'ShipmentExceptionResolved',
    ]);
    expect(w.events.published[1].detail).toEqual({
      version: 1,
      changeId: `${ORDER_ID}:exception:DELAYED:2026-12-20T08:00:00Z`,
      occurredAt: NOW,
      orderId: ORDER_ID,
      customerId: 'cus_1',
      exception: 'DELAYED',
      location: 'Singapore',
      note: 'port congestion',
      eta: '2027-01-12',
    });
    expect(w.events.published[3].detail).toMatchObject({
      changeId: `${ORDER_ID}:exception-resolved:DELAYED:2026-12-20T08:00:00Z`,
      exception: 'DELAYED',
      eta: '2027-01-12',
    });
  });

  it('answers 400 for a delay without a new ETA', async () => {
    // Prepare
    const w = world(inTransit());

    // Act
    const attempt = makeRecordTrackingEvent(w.deps)(
      ORDER_ID,
      { status: 'DELAYED', at: '2026-12-20T08:00:00Z' },
      staff.logistics,
    );

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'newEta' });
    expect((await w.stored()).version).toBe(1);
  });

  it('keeps an update older than the last one in the history, changing nothing else', async () => {
    // Prepare
    const w = world(inTransit());
    const record = makeRecordTrackingEvent(w.deps);
    await record(ORDER_ID, { status: 'ARRIVED', at: '2027-01-04T06:00:00Z' }, staff.logistics);

    // Act
    const order = await record(
      ORDER_ID,
      { status: 'DAMAGED', at: '2026-12-15T00:00:00Z', note: 'late report' },
      staff.logistics,
    );

    // Assess
    expect(order.trackingEvents).toHaveLength(2);
    expect(order.tracking).toEqual({ eta: '2027-01-05', lastEventAt: '2027-01-04T06:00:00Z' });
    expect(order.timeline.at(-1)?.what).toMatch(/older than the last one applied/);
    expect(w.types()).toEqual(['TrackingUpdated', 'TrackingUpdated']);
  });

  it('takes the same update again as a repeat, publishing what it caused again', async () => {
    // Prepare
    const w = world(inTransit());
    const record = makeRecordTrackingEvent(w.deps);
    const lost = { status: 'LOST' as const, at: '2026-12-22T00:00:00Z' };
    await record(ORDER_ID, { status: 'CUSTOMS_HOLD', at: '2026-12-21T00:00:00Z' }, staff.logistics);
    const first = await record(ORDER_ID, lost, staff.logistics);
    const caused = w.events.published.slice(2);

    // Act
    const again = await record(ORDER_ID, lost, staff.logistics);

    // Assess
    expect(again).toEqual(first);
    expect(caused.map((event) => event.type)).toEqual([
      'TrackingUpdated',
      'ShipmentExceptionResolved',
      'ShipmentExceptionOpened',
    ]);
    expect(w.events.published.slice(5)).toEqual(caused);
  });

  it.each(ALL_STATUSES.filter((status) => status !== 'IN_TRANSIT'))(
    'answers 409 naming %s',
    async (status) => {
      // Prepare
      const w = world({ ...inTransit(), status });

      // Act
      const attempt = makeRecordTrackingEvent(w.deps)(
        ORDER_ID,
        { status: 'ARRIVED', at: '2027-01-04T06:00:00Z' },
        staff.logistics,
      );

      // Assess
      await expect(attempt).rejects.toMatchObject({ status, code: 'CONFLICT' });
    },
  );
});
