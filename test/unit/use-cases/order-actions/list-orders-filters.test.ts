import { makeInMemoryCustomerOwners } from '../../../../shared/adapters/in-memory/customer-activity';
import { listOrdersQuery } from '../../../../shared/contracts/order-actions';
import type { Order } from '../../../../shared/domain/order';
import { InvalidInputError } from '../../../../shared/errors';
import { parseWith } from '../../../../shared/http/request';
import { orderSummaryView } from '../../../../shared/http/views';
import { makeListOrders } from '../../../../shared/use-cases/list-orders';
import { anOrder, waitingFor, world } from './world';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const id = (n: number) => `ord_01JD00000000000000000000${String(n).padStart(2, '0')}`;
const to = (country: string): Partial<Order> => ({
  shippingAddress: { name: 'Buyer', line1: 'Street 1', city: 'City', country },
});

/** Six orders awaiting their deposit, to three countries, for customers of two owners and one without. */
function orders() {
  const order = (n: number, customerId: string, country: string) =>
    anOrder('AWAITING_DEPOSIT', {
      orderId: id(n),
      customerId,
      ...to(country),
      createdAt: at(n),
      updatedAt: at(n),
    });
  return [
    order(1, 'cus_a', 'DE'),
    order(2, 'cus_b', 'FR'),
    order(3, 'cus_a', 'FR'),
    order(4, 'cus_c', 'DE'),
    order(5, 'cus_b', 'DE'),
    order(6, 'cus_a', 'CN'),
  ];
}

const owners = makeInMemoryCustomerOwners({ cus_a: 'stf_anna', cus_b: 'stf_ben' });
const query = (params: Record<string, string>) => parseWith(listOrdersQuery, params);
const staff = { kind: 'staff' as const, id: 'staff_sales', role: 'sales' };
const ids = (page: { items: { orderId: string }[] }) => page.items.map((order) => order.orderId);

describe('GET /orders filtered by country and owner (the console board)', () => {
  it('keeps the orders going to a country, newest change first', async () => {
    // Prepare
    const list = makeListOrders({ ...world(...orders()).deps, owners });

    // Act
    const page = await list(query({ status: 'AWAITING_DEPOSIT', country: 'DE' }), staff);

    // Assess
    expect(ids(page)).toEqual([id(5), id(4), id(1)]);
    expect(page.nextToken).toBeUndefined();
  });

  it("keeps the orders of an owner's customers, and combines with country and customer", async () => {
    // Prepare
    const list = makeListOrders({ ...world(...orders()).deps, owners });

    // Act
    const anna = await list(query({ status: 'AWAITING_DEPOSIT', owner: 'stf_anna' }), staff);
    const annaInFrance = await list(
      query({ status: 'AWAITING_DEPOSIT', owner: 'stf_anna', country: 'FR' }),
      staff,
    );
    const bensCustomer = await list(query({ customerId: 'cus_b', owner: 'stf_ben' }), staff);
    const notBens = await list(query({ customerId: 'cus_a', owner: 'stf_ben' }), staff);

    // Assess
    expect(ids(anna)).toEqual([id(6), id(3), id(1)]);
    expect(ids(annaInFrance)).toEqual([id(3)]);
    expect(ids(bensCustomer)).toEqual([id(5), id(2)]);
    expect(ids(notBens)).toEqual([]);
  });

  it('reads on until a page holds `limit` matches, and says where to go on', async () => {
    // Prepare
    const list = makeListOrders({ ...world(...orders()).deps, owners });

    // Act
    const first = await list(query({ status: 'AWAITING_DEPOSIT', country: 'DE', limit: '2' }), staff);
    const second = await list(
      query({ status: 'AWAITING_DEPOSIT', country: 'DE', limit: '2', nextToken: first.nextToken! }),
      staff,
    );

    // Assess
    expect(ids(first)).toEqual([id(5), id(4)]);
    expect(first.nextToken).toBeDefined();
    expect(ids(second)).toEqual([id(1)]);
  });

  it('needs a status or a customer with them, and refuses them to a storefront', async () => {
    // Prepare
    const list = makeListOrders({ ...world(...orders()).deps, owners });
    const shop = { kind: 'storefront' as const, id: 'sf_a' };

    // Act
    const alone = list(query({ country: 'DE' }), staff);
    const byShop = list(query({ externalRef: '1001', country: 'DE' }), shop);

    // Assess
    await expect(alone).rejects.toMatchObject({ field: 'status', code: 'FILTER_REQUIRED' });
    await expect(byShop).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('refuses a country that is not an ISO 3166-1 code, naming the field', () => {
    // Act
    const parse = () => query({ status: 'AWAITING_DEPOSIT', country: 'Germany' });

    // Assess
    expect(parse).toThrow(expect.objectContaining({ field: 'country' }));
  });

  it("shows each listed order's destination, and when its wait escalates and how far it has", async () => {
    // Prepare: an order whose deposit wait has escalated once, the next level due on the 30th
    const stalled = anOrder('AWAITING_DEPOSIT', {
      orderId: id(7),
      ...to('CN'),
      pendingWait: { ...waitingFor('deposit')!, dueAt: at(30), escalatedLevel: 1 },
    });
    const list = makeListOrders({ ...world(stalled).deps, owners });

    // Act
    const page = await list(query({ status: 'AWAITING_DEPOSIT' }), staff);

    // Assess
    expect(page.items.map(orderSummaryView)).toEqual([
      expect.objectContaining({
        orderId: id(7),
        destinationCountry: 'CN',
        waitingFor: 'deposit',
        waitDueAt: at(30),
        escalatedLevel: 1,
      }),
    ]);
  });
});
