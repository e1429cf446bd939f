import { listOrdersQuery } from '../../../../shared/contracts/order-actions';
import { InvalidInputError } from '../../../../shared/errors';
import { parseWith } from '../../../../shared/http/request';
import { makeListOrders } from '../../../../shared/use-cases/list-orders';
import { anOrder, world } from './world';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const id = (n: number) => `ord_01JD00000000000000000000${String(n).padStart(2, '0')}`;

function orders() {
  return [
    anOrder('AWAITING_DEPOSIT', { orderId: id(1), customerId: 'cus_a', createdAt: at(1), updatedAt: at(5) }),
    anOrder('AWAITING_DEPOSIT', { orderId: id(2), customerId: 'cus_b', createdAt: at(2), updatedAt: at(9) }),
    anOrder('IN_TRANSIT', { orderId: id(3), customerId: 'cus_a', createdAt: at(3), updatedAt: at(4) }),
    anOrder('AWAITING_DEPOSIT', { orderId: id(4), customerId: 'cus_a', createdAt: at(4), updatedAt: at(7) }),
  ];
}

const query = (params: Record<string, string>) => parseWith(listOrdersQuery, params);
const staff = { kind: 'staff' as const, id: 'staff_sales', role: 'sales' };
const shop = (id: string) => ({ kind: 'storefront' as const, id });

describe('GET /orders', () => {
  it('lists the orders in a status, last changed first, a page at a time', async () => {
    // Prepare
    const list = makeListOrders(world(...orders()).deps);

    // Act
    const first = await list(query({ status: 'AWAITING_DEPOSIT', limit: '2' }), staff);
    const second = await list(
      query({ status: 'AWAITING_DEPOSIT', limit: '2', nextToken: first.nextToken! }),
      staff,
    );

    // Assess
    expect(first.items.map((order) => order.orderId)).toEqual([id(2), id(4)]);
    expect(first.nextToken).toBeDefined();
    expect(second.items.map((order) => order.orderId)).toEqual([id(1)]);
    expect(second.nextToken).toBeUndefined();
  });

  it("lists a customer's orders newest first, optionally in one status", async () => {
    // Prepare
    const list = makeListOrders(world(...orders()).deps);

    // Act
    const all = await list(query({ customerId: 'cus_a' }), staff);
    const waiting = await list(query({ customerId: 'cus_a', status: 'AWAITING_DEPOSIT' }), staff);

    // Assess
    expect(all.items.map((order) => order.orderId)).toEqual([id(4), id(3), id(1)]);
    expect(waiting.items.map((order) => order.orderId)).toEqual([id(4), id(1)]);
  });

  it('answers 400 without a status or a customer, saying why', async () => {
    // Prepare
    const list = makeListOrders(world(...orders()).deps);

    // Act
    const attempt = list(query({}), staff);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({
      field: 'status',
      message: expect.stringMatching(/give status, customerId \(or both\) or externalRef/),
    });
  });

  it("finds orders by their shop's order id; a storefront finds only its own, and only that way", async () => {
    // Prepare: two shops whose order ids happen to be the same
    const list = makeListOrders(
      world(
        anOrder('AWAITING_DEPOSIT', {
          orderId: id(1),
          externalRef: '1001',
          placedBy: shop('sf_a'),
          createdAt: at(1),
        }),
        anOrder('AWAITING_DEPOSIT', {
          orderId: id(2),
          externalRef: '1001',
          placedBy: shop('sf_b'),
          createdAt: at(2),
        }),
        anOrder('AWAITING_DEPOSIT', { orderId: id(3), externalRef: '1002', placedBy: shop('sf_a') }),
      ).deps,
    );

    // Act
    const byStaff = await list(query({ externalRef: '1001' }), staff);
    const byShopA = await list(query({ externalRef: '1001' }), shop('sf_a'));
    const byStatus = list(query({ status: 'AWAITING_DEPOSIT' }), shop('sf_a'));

    // Assess
    expect(byStaff.items.map((order) => order.orderId)).toEqual([id(2), id(1)]);
    expect(byShopA.items.map((order) => order.orderId)).toEqual([id(1)]);
    await expect(byStatus).rejects.toMatchObject({ field: 'externalRef', code: 'FILTER_REQUIRED' });
  });

  it.each([
    [{ status: 'SHIPPED' }, 'status'],
    [{ status: 'IN_TRANSIT', limit: '0' }, 'limit'],
    [{ status: 'IN_TRANSIT', limit: '500' }, 'limit'],
    [{ status: 'IN_TRANSIT', limit: 'ten' }, 'limit'],
    [{ status: 'IN_TRANSIT', page: '2' }, undefined],
  ])('refuses the query %j naming %s', (params, field) => {
    // Act
    const attempt = () => query(params as Record<string, string>);

    // Assess
    expect(attempt).toThrow(InvalidInputError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe(field);
    }
  });
});
