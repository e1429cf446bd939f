import type { RecordShipmentBody } from '../../../../shared/contracts/order-actions';
import { makeRecordShipment } from '../../../../shared/use-cases/order-actions/record-shipment';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

const booking: RecordShipmentBody = {
  carrier: 'Maersk',
  mode: 'SEA',
  transportDocumentNo: 'MAEU123456789',
  trackingNumber: 'MSKU1234565',
  trackingUrl: 'https://www.maersk.com/tracking/MSKU1234565',
  etd: '2026-12-01',
  eta: '2027-01-05',
  portOfLoading: 'CNSHA',
  portOfDischarge: 'DEHAM',
};

describe('POST /orders/{id}/shipment', () => {
  it('stores the booking, starts tracking at the ETA, announces it and ends the shipment wait', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP', { pendingWait: waitingFor('shipment') }));

    // Act
    const order = await makeRecordShipment(w.deps)(ORDER_ID, booking, staff.logistics);

    // Assess
    expect(order.shipment).toEqual({ ...booking, dispatchedAt: NOW });
    expect(order.tracking).toEqual({ eta: '2027-01-05' });
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Shipment booked: Maersk by SEA, bill of lading (B/L) MAEU123456789, tracking MSKU1234565',
      note: 'ETD 2026-12-01, ETA 2027-01-05',
      by: staff.logistics,
    });
    expect(w.events.published).toEqual([
      {
        type: 'ShipmentDispatched',
        detail: {
          version: 1,
          changeId: `${ORDER_ID}:ShipmentDispatched`,
          occurredAt: NOW,
          orderId: ORDER_ID,
          customerId: 'cus_1',
          carrier: 'Maersk',
          mode: 'SEA',
          transportDocumentNo: 'MAEU123456789',
          trackingNumber: 'MSKU1234565',
          trackingUrl: 'https://www.maersk.com/tracking/MSKU1234565',
          etd: '2026-12-01',
          eta: '2027-01-05',
        },
      },
    ]);
    expect(w.callbacks.succeeded).toEqual([
      { token: 'token-shipment', output: { kind: 'shipment', trackingNumber: 'MSKU1234565' } },
    ]);
  });

  it('keeps the vessel or flight on the shipment and names it on the timeline', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP', { pendingWait: waitingFor('shipment') }));
    const withVessel = { ...booking, vesselOrFlight: 'MAERSK ESSEX / 245W' };

    // Act
    const order = await makeRecordShipment(w.deps)(ORDER_ID, withVessel, staff.logistics);
    const again = await makeRecordShipment(w.deps)(ORDER_ID, withVessel, staff.logistics);

    // Assess
    expect(order.shipment).toEqual({ ...withVessel, dispatchedAt: NOW });
    expect((await w.stored()).shipment?.vesselOrFlight).toBe('MAERSK ESSEX / 245W');
    expect(order.timeline.at(-1)?.what).toBe(
      'Shipment booked: Maersk by SEA (MAERSK ESSEX / 245W), bill of lading (B/L) MAEU123456789, tracking MSKU1234565',
    );
    expect(again.version).toBe(order.version);
  });

  it('refuses another vessel once a booking is kept (409), the vessel being part of the booking', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP'));
    const record = makeRecordShipment(w.deps);
    await record(ORDER_ID, { ...booking, vesselOrFlight: 'MAERSK ESSEX / 245W' }, staff.logistics);

    // Act
    const other = record(ORDER_ID, { ...booking, vesselOrFlight: 'MSC OSCAR / 012E' }, staff.logistics);

    // Assess
    await expect(other).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await w.stored()).shipment?.vesselOrFlight).toBe('MAERSK ESSEX / 245W');
  });

  it('answers 400 when the mode does not fit the Incoterm (FOB is for ships)', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP'));

    // Act
    const attempt = makeRecordShipment(w.deps)(ORDER_ID, { ...booking, mode: 'AIR' }, staff.logistics);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'mode',
      message: 'FOB is for sea and inland waterway transport only; this shipment goes by AIR',
    });
    expect((await w.stored()).version).toBe(1);
  });

  it('takes any mode under a multimodal Incoterm (FCA by air)', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP', { incoterm: { code: 'FCA', place: 'PVG airport' } }));

    // Act
    const order = await makeRecordShipment(w.deps)(ORDER_ID, { ...booking, mode: 'AIR' }, staff.logistics);

    // Assess
    expect(order.shipment?.mode).toBe('AIR');
  });

  it('answers 400 when the ETA is before the ETD', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP'));

    // Act
    const attempt = makeRecordShipment(w.deps)(ORDER_ID, { ...booking, eta: '2026-11-30' }, staff.logistics);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      field: 'eta',
      message: 'eta 2026-11-30 is before etd 2026-12-01',
    });
  });

  it('takes the same booking again as a repeat (same event again), and refuses another (409)', async () => {
    // Prepare
    const w = world(anOrder('READY_TO_SHIP'));
    const record = makeRecordShipment(w.deps);
    const first = await record(ORDER_ID, booking, staff.logistics);
    await w.orders.save({ ...first, status: 'IN_TRANSIT', version: first.version + 1 });

    // Act
    const again = await record(ORDER_ID, booking, staff.logistics);
    const other = record(ORDER_ID, { ...booking, eta: '2027-01-09' }, staff.logistics);

    // Assess
    expect(again.status).toBe('IN_TRANSIT');
    expect(w.events.published[1]).toEqual(w.events.published[0]);
    await expect(other).rejects.toMatchObject({
      status: 'IN_TRANSIT',
      message: expect.stringMatching(/newEta/),
    });
  });

  it('answers 409 before packing, naming the status and where it is allowed', async () => {
    // Prepare
    const w = world(anOrder('IN_PRODUCTION'));

    // Act
    const attempt = makeRecordShipment(w.deps)(ORDER_ID, booking, staff.logistics);

    // Assess
    await expect(attempt).rejects.toMatchObject({
      status: 'IN_PRODUCTION',
      message:
        'shipment is not allowed while the order is IN_PRODUCTION; it is allowed when the order is READY_TO_SHIP',
    });
  });

  it.each(ALL_STATUSES.filter((status) => status !== 'READY_TO_SHIP'))(
    'answers 409 naming %s',
    async (status) => {
      // Prepare
      const w = world(anOrder(status));

      // Act
      const attempt = makeRecordShipment(w.deps)(ORDER_ID, booking, staff.logistics);

      // Assess
      await expect(attempt).rejects.toMatchObject({ status, code: 'CONFLICT' });
    },
  );
});
