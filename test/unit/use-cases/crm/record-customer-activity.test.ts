import { InvalidInputError } from '../../../../shared/errors';
import { CUSTOMER, crmWorld, events, placedOrder } from './crm-world';

describe('recording customer activity', () => {
  it('records an order once, however often it is delivered', async () => {
    // Prepare
    const world = crmWorld();
    const order = placedOrder('ord_1', '2026-03-10T09:00:00.000Z', 200);
    await world.orders.create(order);

    // Act
    await world.record(events.orderReceived(order));
    await world.record(events.orderReceived(order));

    // Assess
    const facts = await world.activity.facts(CUSTOMER);
    expect(facts.orders).toEqual([
      { orderId: 'ord_1', placedAt: '2026-03-10T09:00:00.000Z', currency: 'EUR', totalMinor: 339_990 },
    ]);
    expect(await world.demand.rows('VALVE-DN50', '2026-01', '2026-12')).toEqual([
      { sku: 'VALVE-DN50', month: '2026-03', customerId: CUSTOMER, orderId: 'ord_1', quantity: 200 },
    ]);
    expect(world.activity.summaries.get(CUSTOMER)?.summary).toMatchObject({
      orderCount: 1,
      revenue: [{ currency: 'EUR', minor: 339_990 }],
    });
    expect([...world.activity.revenue.entries()]).toEqual([
      [
        `2026-03|${CUSTOMER}`,
        {
          lines: [
            {
              month: '2026-03',
              currency: 'EUR',
              customerId: CUSTOMER,
              minor: 339_990,
              orderCount: 1,
              // Each order's amount and day: reports convert it at that day's rate.
              orders: [{ on: '2026-03-10', minor: 339_990 }],
            },
          ],
          version: 2,
        },
      ],
    ]);
  });

  it('ends with the same facts when a cancellation arrives before its order, or after', async () => {
    // Prepare
    const inOrder = crmWorld();
    const reversed = crmWorld();
    const order = placedOrder('ord_2', '2026-03-10T09:00:00.000Z');
    await inOrder.orders.create(order);
    await reversed.orders.create(order);
    const cancelled = events.orderCancelled(order, '2026-03-11T09:00:00.000Z');

    // Act
    await inOrder.record(events.orderReceived(order));
    await inOrder.record(cancelled);
    await reversed.record(cancelled);
    await reversed.record(events.orderReceived(order));
    await reversed.record(cancelled);

    // Assess: not revenue, not demand, counted as cancelled
    for (const world of [inOrder, reversed]) {
      expect((await world.activity.facts(CUSTOMER)).orders).toEqual([
        {
          orderId: 'ord_2',
          placedAt: '2026-03-10T09:00:00.000Z',
          currency: 'EUR',
          totalMinor: 214_990,
          cancelledAt: '2026-03-11T09:00:00.000Z',
        },
      ]);
      expect(world.activity.summaries.get(CUSTOMER)?.summary).toMatchObject({
        orderCount: 0,
        cancelledCount: 1,
      });
      expect(await world.activity.revenueInMonth('2026-03')).toEqual([]);
      expect((await world.demand.rows('VALVE-DN50', '2026-03', '2026-03'))[0]).toMatchObject({ void: true });
    }
  });

  it('takes a quote accepted before it was sent, and keeps the first time of each', async () => {
    // Prepare
    const world = crmWorld();

    // Act: accepted first, then sent, then both again with other times (redeliveries)
    await world.record(
      events.quote('QuoteAccepted', 'quo_1', '2026-04-02T10:00:00.000Z', { orderId: 'ord_9' }),
    );
    await world.record(
      events.quote('QuoteSent', 'quo_1', '2026-04-01T10:00:00.000Z', {
        total: '1250.00',
        currency: 'EUR',
        validUntil: '2026-05-01',
      }),
    );
    await world.record(events.quote('QuoteAccepted', 'quo_1', '2026-04-09T10:00:00.000Z'));
    await world.record(
      events.quote('QuoteSent', 'quo_1', '2026-04-08T10:00:00.000Z', { total: '999.00', currency: 'EUR' }),
    );

    // Assess
    expect((await world.activity.facts(CUSTOMER)).quotes).toEqual([
      {
        quoteId: 'quo_1',
        acceptedAt: '2026-04-02T10:00:00.000Z',
        sentAt: '2026-04-01T10:00:00.000Z',
        currency: 'EUR',
        totalMinor: 125_000,
      },
    ]);
    expect(world.activity.summaries.get(CUSTOMER)?.summary).toMatchObject({ quotesSent: 1 });
  });

  it('makes an inquiring customer a prospect, until it orders', async () => {
    // Prepare
    const world = crmWorld();
    const order = placedOrder('ord_3', '2026-04-20T09:00:00.000Z');
    await world.orders.create(order);

    // Act
    await world.record(events.inquiry('InquiryReceived', 'inq_1', '2026-04-10T09:00:00.000Z'));
    const before = world.activity.summaries.get(CUSTOMER)?.summary;
    await world.record(events.orderReceived(order));
    const after = world.activity.summaries.get(CUSTOMER)?.summary;

    // Assess
    expect(before).toMatchObject({ segment: 'PROSPECT', segmentKey: '2026-04-10T09:00:00.000Z' });
    expect(after?.segment).toBeUndefined();
  });

  it('retries a summary another delivery stored first', async () => {
    // Prepare: the stored summary moves on once between this delivery's read and its write
    const world = crmWorld();
    const order = placedOrder('ord_4', '2026-04-20T09:00:00.000Z');
    await world.orders.create(order);
    const save = world.activity.saveSummary.bind(world.activity);
    let raced = false;
    world.activity.saveSummary = async (summary, version, at) => {
      if (!raced) {
        raced = true;
        await save({ ...summary, orderCount: 99 }, version, at);
      }
      return save(summary, version, at);
    };

    // Act
    await world.record(events.orderReceived(order));

    // Assess: the retry read again and stored the right summary on top
    expect(world.activity.summaries.get(CUSTOMER)).toMatchObject({ version: 2, summary: { orderCount: 1 } });
  });

  it('dead-letters a sales event missing what it reads, and skips what it does not know', async () => {
    // Prepare
    const world = crmWorld();

    // Act / Assess
    await expect(world.record({ type: 'QuoteSent', detail: { quoteId: 'q' } })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(world.record({ type: 'SomethingElse', detail: {} })).resolves.toBe('skipped');
  });

  it('is delivered again later when the order is not readable yet', async () => {
    // Prepare: no order stored
    const world = crmWorld();
    const order = placedOrder('ord_5', '2026-04-20T09:00:00.000Z');

    // Act / Assess
    await expect(world.record(events.orderReceived(order))).rejects.toThrow('not found');
  });
});
