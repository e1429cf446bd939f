import type { Order } from '../../../shared/domain/order';
import {
  backorderOf,
  closeDispatchedShipment,
  currentShipmentNo,
  defaultTransitShipmentNo,
  fullyDelivered,
  isSplit,
  lastDeliveredAt,
  lastRecordedDelivery,
  orderForShipment,
  remainingToShip,
  shipmentChange,
  shipmentChangeId,
  shipmentStatus,
  shipmentsOf,
  shippedValue,
  toPackNow,
} from '../../../shared/domain/shipments';
import { anOrder } from '../../fixtures/orders';

/**
 * Partial shipments, the pure rules: what the current shipment packs, what is on backorder, how a
 * shipment that left is closed, and when the order is delivered. The fixture order: 200 × VALVE-DN50
 * at 12.50 and 4 × PUMP-3KW at 899.90 (EUR 6099.60).
 */

const booking = (trackingNumber: string) => ({
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: `BL-${trackingNumber}`,
  trackingNumber,
  etd: '2026-12-01',
  eta: '2027-01-05',
  dispatchedAt: '2026-12-01T08:00:00.000Z',
});
const box = (lines: { sku: string; quantity: number }[]) => ({
  weightKg: 100,
  lengthCm: 100,
  widthCm: 80,
  heightCm: 60,
  lines,
});
const delivered = (at: string, recordedAt = at) => ({ deliveredAt: at, recordedAt });

/** A partial order holding 120 valves and the pumps: 80 valves short. */
function partOne(overrides: Partial<Order> = {}): Order {
  return anOrder('IN_PRODUCTION', {
    allowPartialShipments: true,
    reservations: [
      { sku: 'VALVE-DN50', quantity: 120 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ],
    shortfalls: [{ sku: 'VALVE-DN50', short: 80 }],
    ...overrides,
  });
}

/** Shipment 1 (120 valves, 4 pumps) packed and booked: it has left. */
function partOneShipped(): Order {
  return partOne({
    status: 'READY_TO_SHIP',
    packages: [
      box([
        { sku: 'VALVE-DN50', quantity: 120 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ]),
    ],
    shipment: booking('T1'),
    tracking: { eta: '2027-01-05' },
  });
}

describe('an order that ships in one shipment', () => {
  it('packs every ordered unit, has no backorder and is never split', () => {
    // Prepare
    const order = anOrder('IN_PRODUCTION', { shortfalls: [{ sku: 'VALVE-DN50', short: 80 }] });

    // Act / Assess
    expect(toPackNow(order)).toEqual([
      { sku: 'VALVE-DN50', quantity: 200 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);
    expect(backorderOf(order)).toEqual([]);
    expect(isSplit(order)).toBe(false);
    expect(currentShipmentNo(order)).toBe(1);
  });

  it('is never closed into shipments: its fields stay its one shipment', () => {
    // Prepare
    const order = anOrder('READY_TO_SHIP', { shipment: booking('T1') });

    // Act
    const after = closeDispatchedShipment(order);

    // Assess
    expect(after).toBe(order);
  });

  it('is delivered with its one delivery', () => {
    // Prepare
    const order = anOrder('IN_TRANSIT', {
      shipment: booking('T1'),
      delivery: delivered('2027-01-06T10:00:00Z'),
    });

    // Assess
    expect(fullyDelivered(order)).toBe(true);
    expect(fullyDelivered(anOrder('IN_TRANSIT', { shipment: booking('T1') }))).toBe(false);
  });
});

describe('an order shipped in parts', () => {
  it('packs what is allocated to the shipment and keeps the rest on backorder', () => {
    // Prepare
    const order = partOne();

    // Act / Assess
    expect(toPackNow(order)).toEqual([
      { sku: 'VALVE-DN50', quantity: 120 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ]);
    expect(backorderOf(order)).toEqual([{ sku: 'VALVE-DN50', quantity: 80 }]);
    expect(isSplit(order)).toBe(true);
  });

  it('with everything in stock is one shipment, as an ordinary order', () => {
    // Prepare
    const order = partOne({
      reservations: [
        { sku: 'VALVE-DN50', quantity: 200 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ],
      shortfalls: [],
    });

    // Assess
    expect(backorderOf(order)).toEqual([]);
    expect(isSplit(order)).toBe(false);
  });

  it('counts a booked shipment as shipped: what remains is the backorder', () => {
    // Prepare
    const order = partOneShipped();

    // Act / Assess
    expect(remainingToShip(order)).toEqual([
      { sku: 'VALVE-DN50', quantity: 80 },
      { sku: 'PUMP-3KW', quantity: 0 },
    ]);
    expect(backorderOf(order)).toEqual([{ sku: 'VALVE-DN50', quantity: 80 }]);
    expect(shippedValue(order)).toEqual({ currency: 'EUR', minor: 150000 + 359960 });
  });

  it('closes the shipment that left into shipments and starts the next one empty, holding nothing', () => {
    // Prepare
    const order = partOneShipped();

    // Act
    const next = closeDispatchedShipment(order);

    // Assess
    expect(currentShipmentNo(next)).toBe(2);
    expect(next.shipments).toHaveLength(1);
    expect(next.shipments?.[0]).toMatchObject({ shipmentNo: 1, shipment: { trackingNumber: 'T1' } });
    expect(next.packages).toBeUndefined();
    expect(next.shipment).toBeUndefined();
    expect(next.tracking).toBeUndefined();
    expect(next.reservations).toEqual([]);
    expect(shipmentsOf(next).map((record) => record.shipmentNo)).toEqual([1]);
    expect(backorderOf(next)).toEqual([{ sku: 'VALVE-DN50', quantity: 80 }]);
    expect(closeDispatchedShipment(next)).toBe(next);
  });

  it('keeps the last shipment as the current one (nothing left to ship)', () => {
    // Prepare
    const last = {
      ...closeDispatchedShipment(partOneShipped()),
      reservations: [{ sku: 'VALVE-DN50', quantity: 80 }],
      packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])],
      shipment: booking('T2'),
    };

    // Act / Assess
    expect(closeDispatchedShipment(last)).toBe(last);
    expect(remainingToShip(last).every(({ quantity }) => quantity === 0)).toBe(true);
    expect(shipmentsOf(last).map((record) => [record.shipmentNo, shipmentStatus(record)])).toEqual([
      [1, 'IN_TRANSIT'],
      [2, 'IN_TRANSIT'],
    ]);
  });

  it('changes an earlier shipment in shipments and the current one in the order fields', () => {
    // Prepare
    const order = closeDispatchedShipment(partOneShipped());
    const arrival = delivered('2027-01-06T10:00:00Z');

    // Act
    const earlier = shipmentChange(order, 1, { delivery: arrival });
    const current = shipmentChange(order, 2, { packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])] });

    // Assess
    expect(earlier).toEqual({ shipments: [{ ...order.shipments?.[0], delivery: arrival }] });
    expect(current).toEqual({ packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])] });
  });

  it('is delivered once every shipment is and nothing is left to ship', () => {
    // Prepare
    const first = closeDispatchedShipment(partOneShipped());
    const firstArrived = {
      ...first,
      ...shipmentChange(first, 1, { delivery: delivered('2027-01-06T10:00:00Z') }),
    };
    const secondOut: Order = {
      ...firstArrived,
      reservations: [{ sku: 'VALVE-DN50', quantity: 80 }],
      packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])],
      shipment: booking('T2'),
    };
    const secondArrived: Order = {
      ...secondOut,
      delivery: delivered('2027-02-01T09:00:00Z', '2027-02-01T09:05:00Z'),
    };

    // Assess
    expect(fullyDelivered(firstArrived)).toBe(false);
    expect(fullyDelivered(secondOut)).toBe(false);
    expect(fullyDelivered(secondArrived)).toBe(true);
    expect(lastDeliveredAt(secondArrived)).toBe('2027-02-01T09:00:00Z');
    expect(lastRecordedDelivery(secondArrived)?.shipmentNo).toBe(2);
  });

  it('takes carrier updates for the shipment on its way: the current once booked, else the last booked', () => {
    // Prepare
    const waiting = closeDispatchedShipment(partOneShipped());
    const secondOut = {
      ...waiting,
      packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])],
      shipment: booking('T2'),
    };

    // Assess
    expect(defaultTransitShipmentNo(partOneShipped())).toBe(1);
    expect(defaultTransitShipmentNo(waiting)).toBe(1);
    expect(defaultTransitShipmentNo(secondOut)).toBe(2);
  });

  it("shows one shipment's documents its own lines, total, packages and booking", () => {
    // Prepare
    const order = partOneShipped();

    // Act
    const view = orderForShipment(order, shipmentsOf(order)[0]);

    // Assess
    expect(view.lines.map((line) => [line.sku, line.quantity, line.amount.minor])).toEqual([
      ['VALVE-DN50', 120, 150000],
      ['PUMP-3KW', 4, 359960],
    ]);
    expect(view.total).toEqual({ currency: 'EUR', minor: 509960 });
    expect(view.shipment?.trackingNumber).toBe('T1');
    expect(view.packingTotals?.packageCount).toBe(1);
  });

  it('gives each shipment after the first its own changeIds', () => {
    // Assess
    expect(shipmentChangeId('ord_1', 'ShipmentDispatched', 1)).toBe('ord_1:ShipmentDispatched');
    expect(shipmentChangeId('ord_1', 'ShipmentDispatched', 2)).toBe('ord_1:ShipmentDispatched:shipment-2');
  });
});
