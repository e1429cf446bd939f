import {
  averageDaysBetween,
  averageOrderValue,
  type CustomerFacts,
  countedOrders,
  daysOverdue,
  inCompanyCurrency,
  predictNextOrder,
  quoteOutcomes,
  revenueByCurrency,
  revenueInMonth,
  summarize,
} from '../../../shared/domain/customer-activity';
import { RateTable } from '../../../shared/domain/exchange-rates';

/** Three EUR orders 30 and 40 days apart, one cancelled, one refused, one not yet placed. */
const history: CustomerFacts = {
  orders: [
    { orderId: 'o3', placedAt: '2026-03-21T10:00:00.000Z', currency: 'EUR', totalMinor: 300_000 },
    { orderId: 'o1', placedAt: '2026-01-10T10:00:00.000Z', currency: 'EUR', totalMinor: 100_000 },
    { orderId: 'o2', placedAt: '2026-02-09T10:00:00.000Z', currency: 'EUR', totalMinor: 200_000 },
    {
      orderId: 'cancelled',
      placedAt: '2026-03-01T10:00:00.000Z',
      currency: 'EUR',
      totalMinor: 50_000,
      cancelledAt: '2026-03-02T10:00:00.000Z',
    },
    {
      orderId: 'refused',
      placedAt: '2026-03-05T10:00:00.000Z',
      currency: 'EUR',
      totalMinor: 70_000,
      rejectedAt: '2026-03-06T10:00:00.000Z',
    },
    // A cancellation that arrived before its order: not an order yet.
    { orderId: 'early-cancel', cancelledAt: '2026-03-07T10:00:00.000Z' },
  ],
  quotes: [],
  inquiries: [],
};

describe('customer insights from a known order history', () => {
  it('counts only placed orders that were neither cancelled nor refused, oldest first', () => {
    // Act
    const orders = countedOrders(history.orders);

    // Assess
    expect(orders.map((o) => o.orderId)).toEqual(['o1', 'o2', 'o3']);
  });

  it('gives revenue, average order value, mean interval and the predicted next order', () => {
    // Prepare
    const orders = countedOrders(history.orders);

    // Act / Assess: 1000 + 2000 + 3000; 6000 / 3; (30 + 40) / 2 days; 2026-03-21 + 35 days
    expect(revenueByCurrency(orders)).toEqual([{ currency: 'EUR', minor: 600_000 }]);
    expect(averageOrderValue(orders)).toEqual([{ currency: 'EUR', minor: 200_000 }]);
    expect(averageDaysBetween(orders)).toBe(35);
    expect(predictNextOrder(orders)).toBe('2026-04-25T10:00:00.000Z');
  });

  it('predicts nothing from fewer than 2 orders', () => {
    // Prepare
    const one = countedOrders(history.orders).slice(0, 1);

    // Act / Assess
    expect(averageDaysBetween(one)).toBeNull();
    expect(predictNextOrder(one)).toBeUndefined();
  });

  it('counts whole days overdue, none before the date', () => {
    // Act / Assess
    expect(daysOverdue('2026-04-25T10:00:00.000Z', new Date('2026-05-05T09:59:59.000Z'))).toBe(9);
    expect(daysOverdue('2026-04-25T10:00:00.000Z', new Date('2026-04-20T00:00:00.000Z'))).toBe(0);
  });

  it('keeps currencies apart, and converts into the company currency at each order day’s rate', () => {
    // Prepare: a USD order besides the EUR ones; 1 EUR = 1.08 USD, so USD 500.00 = EUR 462.96
    const orders = countedOrders([
      ...history.orders,
      { orderId: 'usd', placedAt: '2026-02-15T10:00:00.000Z', currency: 'USD', totalMinor: 50_000 },
    ]);
    const rates = new RateTable([{ from: 'EUR', to: 'USD', rate: '1.0800', effectiveFrom: '2026-01-01' }]);

    // Act
    const company = inCompanyCurrency(orders, { currency: 'EUR', rates });

    // Assess
    expect(revenueByCurrency(orders)).toEqual([
      { currency: 'EUR', minor: 600_000 },
      { currency: 'USD', minor: 50_000 },
    ]);
    expect(averageOrderValue(orders)).toEqual([
      { currency: 'EUR', minor: 200_000 },
      { currency: 'USD', minor: 50_000 },
    ]);
    expect(company).toEqual({
      converted: true,
      currency: 'EUR',
      lifetimeRevenue: { currency: 'EUR', minor: 646_296 },
      averageOrderValue: { currency: 'EUR', minor: 161_574 },
      ratesUsed: [
        { from: 'USD', to: 'EUR', rate: '1.0800', effectiveFrom: '2026-01-01', inverted: true, amounts: 1 },
      ],
    });
    const gbp = inCompanyCurrency(orders, { currency: 'GBP', rates });
    expect(gbp).toMatchObject({ converted: false, currency: 'GBP' });
    expect(gbp.converted === false && gbp.missingRates.map((m) => `${m.from}/${m.to}`)).toEqual([
      'EUR/GBP',
      'EUR/GBP',
      'EUR/GBP',
      'USD/GBP',
    ]);
  });
});

describe('quote win rate', () => {
  it('is accepted ÷ decided, where expired and lost inquiries decide against', () => {
    // Prepare
    const quotes = [
      { quoteId: 'q1', sentAt: '2026-01-01T00:00:00Z', acceptedAt: '2026-01-02T00:00:00Z' },
      { quoteId: 'q2', sentAt: '2026-01-01T00:00:00Z', expiredAt: '2026-02-01T00:00:00Z' },
      // Its inquiry was lost and it expired too: lost, counted once.
      { quoteId: 'q3', inquiryId: 'i3', sentAt: '2026-01-01T00:00:00Z', expiredAt: '2026-02-01T00:00:00Z' },
      { quoteId: 'q4', sentAt: '2026-03-01T00:00:00Z' },
      // Accepted before its sending was recorded: still sent, and won.
      { quoteId: 'q5', acceptedAt: '2026-03-02T00:00:00Z' },
    ];
    const inquiries = [
      { inquiryId: 'i3', receivedAt: '2025-12-30T00:00:00Z', lostAt: '2026-01-20T00:00:00Z' },
    ];

    // Act
    const outcomes = quoteOutcomes(quotes, inquiries);

    // Assess
    expect(outcomes).toEqual({
      sent: 5,
      accepted: 2,
      expired: 1,
      lost: 1,
      decided: 4,
      winRate: 0.5,
      acceptedPerSent: 0.4,
    });
  });

  it('is null with nothing decided', () => {
    // Act / Assess
    expect(quoteOutcomes([{ quoteId: 'q', sentAt: '2026-01-01T00:00:00Z' }], [])).toMatchObject({
      winRate: null,
      acceptedPerSent: 0,
    });
    expect(quoteOutcomes([], []).acceptedPerSent).toBeNull();
  });
});

describe('the summary the lists read', () => {
  it('makes a repeat buyer REPEAT, keyed by its predicted next order', () => {
    // Act
    const summary = summarize('cus_a', history);

    // Assess
    expect(summary).toMatchObject({
      customerId: 'cus_a',
      orderCount: 3,
      cancelledCount: 2,
      firstOrderAt: '2026-01-10T10:00:00.000Z',
      lastOrderAt: '2026-03-21T10:00:00.000Z',
      nextOrderDue: '2026-04-25T10:00:00.000Z',
      segment: 'REPEAT',
      segmentKey: '2026-04-25T10:00:00.000Z',
    });
  });

  it('makes one who inquired and never ordered a PROSPECT, keyed by the last inquiry', () => {
    // Prepare
    const facts: CustomerFacts = {
      orders: [],
      quotes: [{ quoteId: 'q', sentAt: '2026-02-01T00:00:00.000Z' }],
      inquiries: [
        { inquiryId: 'i1', receivedAt: '2026-01-05T00:00:00.000Z' },
        { inquiryId: 'i2', receivedAt: '2026-01-25T00:00:00.000Z' },
      ],
    };

    // Act
    const summary = summarize('cus_p', facts);

    // Assess
    expect(summary).toMatchObject({
      segment: 'PROSPECT',
      segmentKey: '2026-01-25T00:00:00.000Z',
      inquiryCount: 2,
    });
    expect(summary.quotesSent).toBe(1);
  });

  it('leaves a one-order customer and one with only a cancelled order out of both lists', () => {
    // Act
    const oneOrder = summarize('cus_1', { ...history, orders: history.orders.slice(0, 1) });
    const cancelledOnly = summarize('cus_c', {
      orders: [history.orders[3]],
      quotes: [],
      inquiries: [{ inquiryId: 'i', receivedAt: '2026-01-01T00:00:00.000Z' }],
    });

    // Assess: placed once, so not a prospect, though it counts no order
    expect(oneOrder.segment).toBeUndefined();
    expect(cancelledOnly.segment).toBeUndefined();
    expect(cancelledOnly.orderCount).toBe(0);
  });

  it('gives the month’s revenue per currency, from the orders that count', () => {
    // Act / Assess
    expect(revenueInMonth('cus_a', history, '2026-03')).toEqual([
      {
        month: '2026-03',
        currency: 'EUR',
        customerId: 'cus_a',
        minor: 300_000,
        orderCount: 1,
        orders: [{ on: '2026-03-21', minor: 300_000 }],
      },
    ]);
    expect(revenueInMonth('cus_a', history, '2026-06')).toEqual([]);
  });
});
