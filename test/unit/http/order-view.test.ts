import type { Order } from '../../../shared/domain/order';
import { summarize } from '../../../shared/domain/order-summary';
import { orderSummaryView, orderView } from '../../../shared/http/views';
import { anOrder, staff, waitingFor } from '../../fixtures/orders';

function shipped(overrides: Partial<Order> = {}): Order {
  return anOrder('IN_TRANSIT', {
    pendingWait: waitingFor('delivery', 'secret-token'),
    paid: { currency: 'EUR', minor: 182988 },
    payments: [
      {
        amount: { currency: 'EUR', minor: 182988 },
        reference: 'DEP-1',
        receivedAt: '2026-11-21T00:00:00.000Z',
        by: staff.finance,
      },
    ],
    packages: [
      {
        weightKg: 10,
        lengthCm: 10,
        widthCm: 10,
        heightCm: 10,
        lines: [{ sku: 'VALVE-DN50', quantity: 200 }],
      },
    ],
    packingTotals: { packageCount: 1, grossWeightKg: 10, volumeM3: 0.001 },
    shipment: {
      carrier: 'Lufthansa Cargo',
      mode: 'AIR',
      transportDocumentNo: '020-12345675',
      trackingNumber: '020-12345675',
      etd: '2026-12-01',
      eta: '2026-12-03',
      dispatchedAt: '2026-11-26T10:00:00.000Z',
    },
    tracking: {
      eta: '2026-12-05',
      exception: { type: 'CUSTOMS_HOLD', openedAt: '2026-12-03T10:00:00Z' },
      lastEventAt: '2026-12-03T10:00:00Z',
    },
    trackingEvents: [
      { status: 'CUSTOMS_HOLD', at: '2026-12-03T10:00:00Z', recordedAt: '2026-12-03T10:05:00.000Z' },
    ],
    ...overrides,
  });
}

describe('the order view', () => {
  it('shows money as decimal strings, what is paid and owed, and where the order waits', () => {
    // Act
    const view = orderView(shipped());

    // Assess
    expect(view).toMatchObject({
      status: 'IN_TRANSIT',
      exception: 'CUSTOMS_HOLD',
      waitingFor: 'delivery',
      paid: '1829.88',
      outstanding: '4269.72',
      payments: [{ amount: '1829.88', reference: 'DEP-1' }],
      paymentSchedule: {
        installments: [
          { kind: 'deposit', amount: '1829.88', dueOn: 'confirmation', covered: true },
          { kind: 'balance', amount: '4269.72', dueOn: 'before-shipment', covered: false },
        ],
      },
      packingTotals: { packageCount: 1 },
      shipment: { carrier: 'Lufthansa Cargo', transportDocument: 'air waybill (AWB)' },
      tracking: {
        eta: '2026-12-05',
        exception: { type: 'CUSTOMS_HOLD' },
        events: [{ status: 'CUSTOMS_HOLD' }],
      },
      creditReview: {
        decision: 'approve',
        limit: { amount: '100000.00', currency: 'EUR' },
        orderExposure: { amount: '0.00', currency: 'EUR' },
      },
    });
    expect(view).not.toHaveProperty('overpaid');
    expect(JSON.stringify(view)).not.toContain('secret-token');
    expect(JSON.stringify(view)).not.toContain('minor');
  });

  it('shows an overpayment, a cancellation with its refund, and no wait once the status moved on', () => {
    // Prepare
    const order = shipped({
      status: 'CANCELLED',
      paid: { currency: 'EUR', minor: 700000 },
      cancellation: {
        reason: 'lost at sea',
        at: '2026-12-04T00:00:00.000Z',
        by: staff.sales,
        statusBefore: 'IN_TRANSIT',
        refundDue: { currency: 'EUR', minor: 700000 },
      },
    });

    // Act
    const view = orderView(order);

    // Assess
    expect(view).toMatchObject({
      outstanding: '0.00',
      overpaid: '900.40',
      cancellation: { refundDue: '7000.00' },
    });
    expect(view).not.toHaveProperty('waitingFor');
    expect(view).not.toHaveProperty('exception');
  });

  it("keeps the credit review's figures from storefronts", () => {
    // Act
    const view = orderView(shipped(), 'storefront');

    // Assess
    expect(view).not.toHaveProperty('creditReview');
    expect(view).toHaveProperty('paid', '1829.88');
  });

  it('summarizes an order for listings', () => {
    // Act
    const summary = orderSummaryView(summarize(shipped()));

    // Assess
    expect(summary).toEqual({
      orderId: expect.any(String),
      status: 'IN_TRANSIT',
      exception: 'CUSTOMS_HOLD',
      waitingFor: 'delivery',
      customerId: 'cus_1',
      currency: 'EUR',
      total: '6099.60',
      paid: '1829.88',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      // the ship-to country: the console's board filters on it
      destinationCountry: 'DE',
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-20T08:00:00.000Z',
    });
  });
});
