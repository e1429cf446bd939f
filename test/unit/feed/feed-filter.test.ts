import { matchesFeedFilter, parseFeedFilter } from '../../../shared/feed/feed-filter';
import { feedMessage } from '../../../shared/feed/feed-message';

const event = (type: string, detail: Record<string, unknown> = {}) =>
  feedMessage({
    id: `evt-${type}`,
    'detail-type': type,
    time: '2026-11-27T10:00:00Z',
    detail: { orderId: 'ord_1', ...detail },
  });

describe('live feed messages and filters', () => {
  it('names the departments an event concerns by the notices routing, stalls by the wait owner', () => {
    // Act
    const concerned = [
      event('CreditHeld'),
      event('OrderConfirmed'),
      event('OrderStalled', { wait: 'stock' }),
      event('OrderStalled'),
      event('OrderCancelled'),
    ].map((message) => message.departments);

    // Assess
    expect(concerned).toEqual([
      ['sales', 'finance'],
      [],
      ['procurement'],
      ['sales'],
      ['sales', 'finance', 'production', 'logistics'],
    ]);
  });

  it('carries the id, type, time, order and detail of the bus event', () => {
    // Act
    const message = event('StockAllocated', { lines: [{ sku: 'A', quantity: 1 }] });

    // Assess
    expect(message).toEqual({
      id: 'evt-StockAllocated',
      type: 'StockAllocated',
      time: '2026-11-27T10:00:00Z',
      orderId: 'ord_1',
      departments: ['production'],
      detail: { orderId: 'ord_1', lines: [{ sku: 'A', quantity: 1 }] },
    });
  });

  it('parses comma-separated departments and types, and refuses unknown names', () => {
    // Act
    const good = parseFeedFilter({ departments: 'finance, sales,finance', types: 'CreditHeld' });
    const none = parseFeedFilter({});
    const badDepartment = parseFeedFilter({ departments: 'marketing' });
    const badType = parseFeedFilter({ types: 'OrderShipped' });

    // Assess
    expect(good).toEqual({ ok: true, filter: { departments: ['finance', 'sales'], types: ['CreditHeld'] } });
    expect(none).toEqual({ ok: true, filter: {} });
    expect(badDepartment).toMatchObject({ ok: false, field: 'departments' });
    expect(badType).toMatchObject({ ok: false, field: 'types' });
  });

  it.each([
    [{}, 'OrderConfirmed', true],
    [{ types: ['CreditHeld'] }, 'CreditHeld', true],
    [{ types: ['CreditHeld'] }, 'OrderConfirmed', false],
    [{ departments: ['finance'] }, 'CreditHeld', true],
    [{ departments: ['logistics'] }, 'CreditHeld', false],
    // an event no department acts on shows only without a department filter
    [{ departments: ['finance'] }, 'OrderConfirmed', false],
    [{ departments: ['finance'], types: ['CreditHeld', 'OrderPacked'] }, 'OrderPacked', false],
  ] as const)('filter %j on %s → %s', (filter, type, expected) => {
    // Act / Assess
    expect(matchesFeedFilter({ ...filter } as never, event(type))).toBe(expected);
  });
});
