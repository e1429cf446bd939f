import type { PaymentTerms } from '../../../shared/contracts/common';
import type { Order } from '../../../shared/domain/order';
import { paymentSchedule } from '../../../shared/domain/payment-schedule';
import { dueBeforeShipment } from '../../../shared/domain/shipment-payments';
import { closeDispatchedShipment } from '../../../shared/domain/shipments';
import { waitOutcome } from '../../../shared/domain/waits';
import { anOrder } from '../../fixtures/orders';

/**
 * The money before a shipment of an order shipped in parts: the deposit plus the balance share of
 * everything shipped up to and including this shipment — for TT, "cumulative shipped value plus the
 * deposit percentage of the value still to ship". Fixture: EUR 6099.60 = 200 × 12.50 + 4 × 899.90.
 */

const eur = (minor: number) => ({ currency: 'EUR', minor });
const box = (lines: { sku: string; quantity: number }[]) => ({
  weightKg: 100,
  lengthCm: 100,
  widthCm: 80,
  heightCm: 60,
  lines,
});
const booked = {
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: 'BL-1',
  trackingNumber: 'T1',
  etd: '2026-12-01',
  eta: '2027-01-05',
  dispatchedAt: '2026-12-01T08:00:00.000Z',
};

function withTerms(terms: PaymentTerms, overrides: Partial<Order>): Order {
  const order = anOrder('AWAITING_BALANCE', { terms, ...overrides });
  return { ...order, paymentSchedule: paymentSchedule(terms, order.total) };
}

/** Shipment 1 packed: 120 valves and the pumps (EUR 5099.60); 80 valves (EUR 1000.00) on backorder. */
function firstPacked(terms: PaymentTerms, allowPartialShipments = true): Order {
  return withTerms(terms, {
    allowPartialShipments,
    reservations: [
      { sku: 'VALVE-DN50', quantity: 120 },
      { sku: 'PUMP-3KW', quantity: 4 },
    ],
    shortfalls: [{ sku: 'VALVE-DN50', short: 80 }],
    packages: [
      box([
        { sku: 'VALVE-DN50', quantity: 120 },
        { sku: 'PUMP-3KW', quantity: 4 },
      ]),
    ],
  });
}

/** Shipment 1 left; shipment 2 (the 80 valves) packed. */
function secondPacked(terms: PaymentTerms): Order {
  const closed = closeDispatchedShipment({ ...firstPacked(terms), shipment: booked });
  return {
    ...closed,
    reservations: [{ sku: 'VALVE-DN50', quantity: 80 }],
    shortfalls: [],
    packages: [box([{ sku: 'VALVE-DN50', quantity: 80 }])],
  };
}

const TT = { type: 'TT', depositPercent: 30 } as const;

describe('what must be paid before a shipment leaves', () => {
  it('is the whole balance before shipment for an ordinary order', () => {
    // Prepare
    const order = firstPacked(TT, false);

    // Act / Assess: deposit 1829.88 + balance 4269.72
    expect(dueBeforeShipment(order, order.paymentSchedule!)).toEqual(eur(609960));
  });

  it('is, for TT, the value shipped with this shipment plus the deposit percentage of what is still to ship', () => {
    // Prepare
    const order = firstPacked(TT);

    // Act
    const due = dueBeforeShipment(order, order.paymentSchedule!);

    // Assess: 5099.60 shipped + 30% of 1000.00 still to ship
    expect(due).toEqual(eur(509960 + 30000));
  });

  it('is the whole total before the last shipment', () => {
    // Prepare
    const order = secondPacked(TT);

    // Act / Assess
    expect(dueBeforeShipment(order, order.paymentSchedule!)).toEqual(eur(609960));
  });

  it('counts what is allocated when the shipment is not packed yet', () => {
    // Prepare
    const { packages: _packages, ...allocated } = firstPacked(TT);

    // Act / Assess
    expect(dueBeforeShipment(allocated, allocated.paymentSchedule!)).toEqual(eur(539960));
  });

  it('asks an LC order for the value of the goods shipped so far (a drawing per shipment)', () => {
    // Prepare
    const order = firstPacked({ type: 'LC' });

    // Act / Assess
    expect(dueBeforeShipment(order, order.paymentSchedule!)).toEqual(eur(509960));
  });

  it('asks an open-account order for nothing before shipment', () => {
    // Prepare
    const order = firstPacked({ type: 'OA', netDays: 60 });

    // Act / Assess
    expect(dueBeforeShipment(order, order.paymentSchedule!)).toEqual(eur(0));
  });

  it('ends the balance wait of shipment 1 at its share, not at the whole balance', () => {
    // Prepare
    const short = { ...firstPacked(TT), paid: eur(539959) };
    const enough = { ...firstPacked(TT), paid: eur(539960) };

    // Act / Assess
    expect(waitOutcome(short, 'balance').satisfied).toBe(false);
    expect(waitOutcome(enough, 'balance').satisfied).toBe(true);
    expect(waitOutcome({ ...secondPacked(TT), paid: eur(539960) }, 'balance').satisfied).toBe(false);
    expect(waitOutcome({ ...secondPacked(TT), paid: eur(609960) }, 'balance').satisfied).toBe(true);
  });
});
