import { makeInMemoryCustomerOwners } from '../../../../shared/adapters/in-memory/customer-activity';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryExchangeRateSettings } from '../../../../shared/adapters/in-memory/exchange-rate-settings';
import {
  makeInMemoryOnceLog,
  makeRecordingPublisher,
} from '../../../../shared/adapters/in-memory/side-effects';
import { makeCustomerInsights } from '../../../../shared/use-cases/customer-insights';
import { makeCustomerLists } from '../../../../shared/use-cases/customer-lists';
import { makeNudgeDormantCustomers } from '../../../../shared/use-cases/nudge-dormant-customers';
import { makeTopCustomers } from '../../../../shared/use-cases/top-customers';
import { CUSTOMER, crmWorld, events, placedOrder } from './crm-world';

const OTHER = 'cus_01JCRM00000000000000000002';
const PROSPECT = 'cus_01JCRM00000000000000000003';

/** CUSTOMER orders every 30 days (Jan–Mar); OTHER every 10 days (Apr); PROSPECT only inquired. */
async function seeded() {
  const world = crmWorld('2026-05-10T12:00:00.000Z');
  const placements: [string, string, string][] = [
    ['ord_a1', '2026-01-10T09:00:00.000Z', CUSTOMER],
    ['ord_a2', '2026-02-09T09:00:00.000Z', CUSTOMER],
    ['ord_a3', '2026-03-11T09:00:00.000Z', CUSTOMER],
    ['ord_b1', '2026-04-20T09:00:00.000Z', OTHER],
    ['ord_b2', '2026-04-30T09:00:00.000Z', OTHER],
  ];
  for (const [orderId, at, customerId] of placements) {
    const order = placedOrder(orderId, at, 100, customerId);
    await world.orders.create(order);
    await world.record(events.orderReceived(order));
  }
  await world.record(events.inquiry('InquiryReceived', 'inq_p', '2026-05-01T09:00:00.000Z', PROSPECT));
  return world;
}

describe('the CRM lists', () => {
  it('lists prospects, dormant customers by days overdue, and top customers by revenue', async () => {
    // Prepare: CUSTOMER was due 2026-04-10 (30 days overdue on 05-10); OTHER is due 05-10 09:00 (0 days)
    const world = await seeded();
    const lists = makeCustomerLists({ segments: world.activity, clock: world.clock });
    // No rates stored: the defaults (EUR, no rates), enough for EUR orders.
    const rates = makeInMemoryExchangeRateSettings();
    const top = makeTopCustomers({ segments: world.activity, rates, clock: world.clock });

    // Act
    const prospects = await lists.prospects({ limit: 25 });
    const dormant = await lists.dormant({ minDaysOverdue: 0, limit: 25 });
    const longDormant = await lists.dormant({ minDaysOverdue: 7, limit: 25 });
    const ranked = await top({ months: 3, limit: 10 });

    // Assess
    expect(prospects.items).toEqual([
      { customerId: PROSPECT, inquiries: 1, quotesSent: 0, lastInquiryAt: '2026-05-01T09:00:00.000Z' },
    ]);
    expect(dormant.items).toEqual([
      {
        customerId: CUSTOMER,
        orderCount: 3,
        lastOrderAt: '2026-03-11T09:00:00.000Z',
        predictedNextOrderAt: '2026-04-10T09:00:00.000Z',
        daysOverdue: 30,
      },
      {
        customerId: OTHER,
        orderCount: 2,
        lastOrderAt: '2026-04-30T09:00:00.000Z',
        predictedNextOrderAt: '2026-05-10T09:00:00.000Z',
        daysOverdue: 0,
      },
    ]);
    expect(longDormant.items.map((i) => i.customerId)).toEqual([CUSTOMER]);
    // March–May: CUSTOMER one order (2149.90), OTHER two (4299.80); all EUR, so no rate was needed
    expect(ranked).toEqual({
      from: '2026-03',
      to: '2026-05',
      rankings: [
        {
          currency: 'EUR',
          converted: true,
          customers: [
            { rank: 1, customerId: OTHER, revenue: { amount: '4299.80', currency: 'EUR' }, orderCount: 2 },
            { rank: 2, customerId: CUSTOMER, revenue: { amount: '2149.90', currency: 'EUR' }, orderCount: 1 },
          ],
        },
      ],
      conversion: { currency: 'EUR', ratesVersion: 0, ratesUsed: [] },
    });
  });
});

describe('the weekly nudge', () => {
  it('tells each owner once per ISO week, and sales about customers with no owner', async () => {
    // Prepare
    const world = await seeded();
    const events = makeRecordingPublisher();
    const nudge = makeNudgeDormantCustomers({
      segments: world.activity,
      owners: makeInMemoryCustomerOwners({ [OTHER]: 'rep_anna' }),
      once: makeInMemoryOnceLog(),
      events,
      clock: world.clock,
    });

    // Act: twice in week 19, then a week later
    const first = await nudge();
    const again = await nudge();
    world.clock.at = new Date('2026-05-17T12:00:00.000Z');
    const nextWeek = await nudge();

    // Assess
    expect(first).toEqual({
      week: '2026-W19',
      dormant: 2,
      owners: 2,
      published: 2,
      alreadyPublished: 0,
      truncated: false,
    });
    expect(again).toMatchObject({ published: 0, alreadyPublished: 2 });
    expect(nextWeek).toMatchObject({ week: '2026-W20', published: 2 });
    expect(events.published.slice(0, 2).map((e) => e.detail)).toEqual([
      expect.objectContaining({
        owner: 'rep_anna',
        week: '2026-W19',
        count: 1,
        customerIds: [OTHER],
        changeId: 'dormant:2026-W19:rep_anna',
      }),
      expect.objectContaining({
        owner: 'sales',
        week: '2026-W19',
        count: 1,
        customerIds: [CUSTOMER],
        orderId: 'nudge_2026-W19_sales',
      }),
    ]);
    expect(events.published.every((e) => e.type === 'DormantCustomersFound')).toBe(true);
  });
});

describe('customer insights', () => {
  it('answers figures, the prediction, the win rate and the open exposure', async () => {
    // Prepare
    const world = await seeded();
    const customers = makeInMemoryCustomerRepository();
    await customers.create({
      customerId: CUSTOMER,
      name: 'Ana Buyer',
      email: 'ana@example.com',
      country: 'DE',
      language: 'en',
      creditLimit: { currency: 'EUR', minor: 5_000_000 },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
    // The last order was shipped on open account and is unpaid: it is exposure.
    const shipped = await world.orders.get('ord_a3');
    await world.orders.save({ ...shipped!, status: 'DELIVERED', version: shipped!.version + 1 });
    await world.record(events.quote('QuoteSent', 'quo_1', '2026-01-05T00:00:00.000Z'));
    await world.record(events.quote('QuoteAccepted', 'quo_1', '2026-01-06T00:00:00.000Z'));
    await world.record(events.quote('QuoteSent', 'quo_2', '2026-02-05T00:00:00.000Z'));
    await world.record(events.quote('QuoteExpired', 'quo_2', '2026-03-05T00:00:00.000Z'));
    const insights = makeCustomerInsights({
      customers,
      activity: world.activity,
      orders: world.orders,
      clock: world.clock,
      rates: makeInMemoryExchangeRateSettings(),
    });

    // Act
    const answer = await insights(CUSTOMER);

    // Assess
    expect(answer).toMatchObject({
      orders: {
        count: 3,
        cancelled: 0,
        firstAt: '2026-01-10T09:00:00.000Z',
        lastAt: '2026-03-11T09:00:00.000Z',
      },
      lifetimeRevenue: [{ amount: '6449.70', currency: 'EUR' }],
      averageOrderValue: [{ amount: '2149.90', currency: 'EUR' }],
      averageDaysBetweenOrders: 30,
      nextOrder: { predictedAt: '2026-04-10T09:00:00.000Z', daysOverdue: 30 },
      quotes: { sent: 2, accepted: 1, expired: 1, decided: 2, winRate: 0.5 },
      openExposure: {
        outstanding: [{ amount: '2149.90', currency: 'EUR' }],
        creditLimit: { amount: '50000.00', currency: 'EUR' },
        headroom: { amount: '47850.10', currency: 'EUR' },
      },
      // The default company currency (no rates stored): EUR orders need no rate.
      inCompanyCurrency: {
        currency: 'EUR',
        lifetimeRevenue: { amount: '6449.70', currency: 'EUR' },
        averageOrderValue: { amount: '2149.90', currency: 'EUR' },
        ratesUsed: [],
        ratesVersion: 0,
      },
    });
    await expect(insights(OTHER)).rejects.toThrow('not found');
  });
});
