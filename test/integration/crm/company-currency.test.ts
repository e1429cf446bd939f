import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from '../support/local-system';

/**
 * Reporting in the company currency on the embedded runtime: a customer orders in USD; the insights
 * and the top-customers list say plainly that no USD/EUR rate is set, then, once finance sets the
 * dated rates (`PUT /settings/exchange-rates`), convert each order at the rate in force on its day
 * and name that rate and its date.
 */
describe('CRM reports in the company currency from /settings/exchange-rates', () => {
  let system: LocalSystem;
  let customerId: string;
  /** The day the orders were placed (UTC): the day whose rate converts them. */
  let today: string;

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
    const customer = await system.api('/customers', {
      body: {
        ...customerBody,
        email: 'usd-buyer@buyer.example',
        currency: 'USD',
        creditLimit: { amount: '50000.00', currency: 'USD' },
      },
    });
    customerId = customer.json.customerId;
    // Two orders of USD 6,099.60 each
    for (let i = 0; i < 2; i++) {
      const placed = await system.api('/orders', { body: { ...orderBody(customerId), currency: 'USD' } });
      expect(placed.status).toBe(201);
    }
    const counted = await eventually(
      async () => {
        const answer = await system.api(`/customers/${customerId}/insights`, { as: 'sales' });
        return answer.json?.orders?.count === 2 ? answer : undefined;
      },
      20_000,
      'two orders in the insights',
    );
    today = counted.json.orders.firstAt.slice(0, 10);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('says which rate is missing rather than giving a wrong figure', async () => {
    // Act: no rates stored yet (the defaults: EUR, none)
    const insights = await system.api(`/customers/${customerId}/insights`, { as: 'sales' });
    const top = await system.api('/customers/lists/top?months=1', { as: 'sales' });

    // Assess
    expect(insights.json.lifetimeRevenue).toEqual([{ amount: '12199.20', currency: 'USD' }]);
    expect(insights.json.inCompanyCurrency).toEqual({
      currency: 'EUR',
      unavailable: `no USD/EUR exchange rate in effect on ${today}: add the rates with PUT /settings/exchange-rates`,
      missingRates: [{ from: 'USD', to: 'EUR', on: today }],
      ratesVersion: 0,
    });
    expect(top.json.rankings).toEqual([
      {
        currency: 'USD',
        converted: false,
        customers: [
          {
            rank: 1,
            customerId,
            // the list names each customer (staff-only route)
            name: expect.any(String),
            company: expect.any(String),
            revenue: { amount: '12199.20', currency: 'USD' },
            orderCount: 2,
          },
        ],
      },
    ]);
    expect(top.json.unavailable).toContain('no USD/EUR exchange rate');
    expect(top.json.conversion).toEqual({
      currency: 'EUR',
      ratesVersion: 0,
      missingRates: [{ from: 'USD', to: 'EUR', on: today }],
    });
  });

  it('converts each order at the rate in force on its day once finance sets the rates, naming it', async () => {
    // Prepare: 1 EUR = 1.25 USD since 2020; a later rate that takes effect only after today
    const put = await system.api('/settings/exchange-rates', {
      method: 'PUT',
      as: 'finance',
      body: {
        version: 0,
        companyCurrency: 'EUR',
        rates: [
          { from: 'EUR', to: 'USD', rate: '1.2500', effectiveFrom: '2020-01-01' },
          { from: 'EUR', to: 'USD', rate: '2.0000', effectiveFrom: '2099-01-01' },
        ],
      },
    });

    // Act
    const insights = await system.api(`/customers/${customerId}/insights`, { as: 'sales-manager' });
    const top = await system.api('/customers/lists/top?months=1', { as: 'finance' });

    // Assess: USD 6,099.60 = EUR 4,879.68, twice
    const rate = {
      from: 'USD',
      to: 'EUR',
      rate: '1.2500',
      effectiveFrom: '2020-01-01',
      inverted: true,
      amounts: 2,
    };
    expect(put.status).toBe(200);
    expect(insights.json.inCompanyCurrency).toEqual({
      currency: 'EUR',
      lifetimeRevenue: { amount: '9759.36', currency: 'EUR' },
      averageOrderValue: { amount: '4879.68', currency: 'EUR' },
      ratesUsed: [rate],
      ratesVersion: 1,
    });
    expect(top.json).toMatchObject({
      rankings: [
        {
          currency: 'EUR',
          converted: true,
          customers: [
            { rank: 1, customerId, revenue: { amount: '9759.36', currency: 'EUR' }, orderCount: 2 },
          ],
        },
      ],
      conversion: { currency: 'EUR', ratesVersion: 1, ratesUsed: [rate] },
    });
    expect(top.json.unavailable).toBeUndefined();
  });
});
