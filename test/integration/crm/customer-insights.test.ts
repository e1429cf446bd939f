import type { PutEventRecord } from '../../../infra/local/eventbridge/eventbridge-server';
import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * On the embedded runtime: orders placed through the API reach the CRM's consumer over the bus; staff
 * read the customer's insights, the lists and the product's demand; the weekly nudge, fired as
 * `npm run schedule -- nudge-dormant` fires it, tells sales (the customer has no owner) once a week.
 */
describe('CRM insights on the local runtime', () => {
  let system: LocalSystem;
  let customerId: string;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    customerId = (await system.api('/customers', { body: customerBody })).json.customerId;
    // Two orders: 200 × VALVE-DN50 and 4 × PUMP-3KW each, EUR 6099.60
    for (let i = 0; i < 2; i++) {
      const placed = await system.api('/orders', { body: orderBody(customerId) });
      expect(placed.status).toBe(201);
    }
  });
  afterAll(async () => {
    await system.stop();
  });

  it('answers the insights of a customer with two orders', async () => {
    // Act
    const insights = await eventually(
      async () => {
        const answer = await system.api(`/customers/${customerId}/insights`, { as: 'sales' });
        return answer.status === 200 && answer.json.orders.count === 2 ? answer : undefined;
      },
      20_000,
      'two orders in the insights',
    );
    const unknown = await system.api('/customers/cus_01JD0000000000000000000009/insights', { as: 'sales' });
    const badId = await system.api('/customers/nope/insights', { as: 'sales' });
    const asStorefront = await system.api(`/customers/${customerId}/insights`);

    // Assess
    expect(insights.json).toMatchObject({
      customerId,
      lifetimeRevenue: [{ amount: '12199.20', currency: 'EUR' }],
      averageOrderValue: [{ amount: '6099.60', currency: 'EUR' }],
      quotes: { sent: 0, winRate: null },
      openExposure: { creditLimit: { amount: '50000.00', currency: 'EUR' } },
    });
    expect(insights.json.averageDaysBetweenOrders).toBeLessThan(0.01);
    expect(insights.json.nextOrder.predictedAt).toEqual(expect.any(String));
    expect(unknown.status).toBe(404);
    expect(badId.status).toBe(400);
    expect(asStorefront.status).toBe(403);
  });

  it("answers the product's demand this month by customer, with a forecast", async () => {
    // Act
    const demand = await system.api('/products/VALVE-DN50/demand?months=6', { as: 'procurement' });
    const badMonths = await system.api('/products/VALVE-DN50/demand?months=99', { as: 'procurement' });

    // Assess
    expect(demand.status).toBe(200);
    expect(demand.json.months).toHaveLength(7);
    expect(demand.json.months[6]).toEqual({
      month: new Date().toISOString().slice(0, 7),
      quantity: 400,
      partial: true,
      byCustomer: [{ customerId, quantity: 400 }],
    });
    expect(demand.json.byCustomer).toEqual([{ customerId, quantity: 400 }]);
    expect(demand.json.forecast.months).toHaveLength(3);
    expect(badMonths.status).toBe(400);
  });

  it('lists the customer as dormant and as a top customer, not as a prospect', async () => {
    // Act: its next order was predicted for moments after the second
    const dormant = await system.api('/customers/lists/dormant', { as: 'sales' });
    const top = await system.api('/customers/lists/top?months=1&currency=EUR', { as: 'sales' });
    const prospects = await system.api('/customers/lists/prospects', { as: 'sales' });

    // Assess
    // Staff-only lists: each row names the customer (the profile's name and company).
    const named = { name: customerBody.name, company: customerBody.company };
    expect(dormant.json.items).toEqual([
      expect.objectContaining({ customerId, ...named, orderCount: 2, daysOverdue: 0 }),
    ]);
    expect(top.json.rankings).toEqual([
      {
        currency: 'EUR',
        converted: false,
        customers: [
          { rank: 1, customerId, ...named, revenue: { amount: '12199.20', currency: 'EUR' }, orderCount: 2 },
        ],
      },
    ]);
    expect(prospects.json.items).toEqual([]);
  });

  it('nudges sales about the dormant customer once per week', async () => {
    // Prepare
    const nudges = async () =>
      (await system.admin<{ events: PutEventRecord[] }>('/events')).events.filter(
        (e) => e.detailType === 'DormantCustomersFound',
      );
    const fire = () => system.admin<{ result?: unknown }>('/schedules/nudge-dormant/fire', 'POST');

    // Act
    const first = await fire();
    const second = await fire();

    // Assess
    expect(first.result).toMatchObject({ dormant: 1, owners: 1, published: 1 });
    expect(second.result).toMatchObject({ published: 0, alreadyPublished: 1 });
    const found = await eventually(
      async () => ((await nudges()).length ? await nudges() : undefined),
      10_000,
      'the nudge',
    );
    expect(found).toHaveLength(1);
    expect(found[0].event.detail).toMatchObject({ owner: 'sales', count: 1, customerIds: [customerId] });
    const mail = await eventually(
      async () => (await system.sentEmails()).find((e) => e.subject.startsWith('[sales] Dormant customers')),
      10_000,
      "sales' notice",
    );
    expect(mail.body.text).toContain(customerId);
  });
});
