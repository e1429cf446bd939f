import type { FeedMessage } from '../../shared/feed/feed-message';
import { customerBody, orderBody } from '../fixtures/api-bodies';
import { eventually, type LocalSystem, startLocalSystem } from './support/local-system';
import { openEventStream, type ServerSentEvent, type SseConnection } from './support/sse-client';

type OpenStream = Extract<SseConnection, { ok: true }>;

/** The live feed on the embedded runtime, through a real SSE client: filters, order, resumption, refusals. */
describe('the live feed (Server-Sent Events)', () => {
  let system: LocalSystem;
  const opened: OpenStream[] = [];

  const feedUrl = (query: Record<string, string>) =>
    `${system.runtime.info.feedUrl}?${new URLSearchParams(query)}`;
  const open = async (query: Record<string, string>, headers: Record<string, string> = {}) => {
    const connection = await openEventStream(feedUrl(query), headers);
    if (!connection.ok) throw new Error(`the feed answered ${connection.status}: ${connection.body}`);
    opened.push(connection);
    return connection;
  };
  const message = (event: ServerSentEvent) => JSON.parse(event.data) as FeedMessage;
  /** The bus's events for an order, in the order the bus accepted them. */
  const busEvents = (orderId: string) =>
    system.runtime.eventbridge
      .putEvents()
      .filter((record) => (record.event.detail as { orderId?: string }).orderId === orderId)
      .map((record) => ({
        id: record.id,
        type: record.detailType,
        wait: (record.event.detail as { wait?: string }).wait,
      }));
  const placeOrder = async () => {
    const customer = await system.api('/customers', { body: customerBody });
    const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
    expect(placed.status).toBe(201);
    return placed.json.orderId as string;
  };
  const payDeposit = (orderId: string, reference: string) =>
    system.api(`/orders/${orderId}/payments`, {
      as: 'finance',
      body: { amount: '1829.88', currency: 'EUR', reference },
    });
  const untilStatus = (orderId: string, status: string) =>
    eventually(
      async () =>
        (await system.api(`/orders/${orderId}`, { as: 'sales' })).json?.status === status ? true : undefined,
      20_000,
      status,
    );
  const untilBusHas = (orderId: string, type: string, wait?: string) =>
    eventually(
      async () =>
        busEvents(orderId).some((e) => e.type === type && (wait === undefined || e.wait === wait))
          ? true
          : undefined,
      20_000,
      wait ? `${type} (${wait})` : type,
    );

  beforeAll(async () => {
    system = await startLocalSystem();
    await system.seedProducts();
  });
  afterAll(async () => {
    for (const connection of opened) connection.close();
    await system.stop();
  });

  it('streams each matching event once, in order, with its id, and none of the filtered-out ones', async () => {
    // Prepare: finance and production's view, and a view of two types
    const departments = await open({
      token: system.runtime.info.staffTokens.finance,
      departments: 'finance,production',
    });
    const types = await open({
      token: system.runtime.info.staffTokens.sales,
      types: 'OrderReceived,OrderConfirmed',
    });

    // Act: an order, confirmed, then its deposit (the stock is then allocated)
    const orderId = await placeOrder();
    await untilStatus(orderId, 'AWAITING_DEPOSIT');
    expect((await payDeposit(orderId, 'DEP-FEED-1')).status).toBe(200);
    await untilBusHas(orderId, 'StockAllocated');
    await system.runtime.idle();

    // Assess: the type filter
    const typed = [await types.next(), await types.next()].map(message);
    expect(typed.map((m) => m.type)).toEqual(['OrderReceived', 'OrderConfirmed']);
    const bus = busEvents(orderId);
    expect(typed.map((m) => m.id)).toEqual(
      bus.filter((e) => ['OrderReceived', 'OrderConfirmed'].includes(e.type)).map((e) => e.id),
    );
    // the department filter: finance's payment and production's allocation, not the buyer-facing ones
    const first = await departments.next();
    const second = await departments.next();
    expect([first, second].map(message).map((m) => [m.type, m.departments])).toEqual([
      ['PaymentReceived', ['finance']],
      ['StockAllocated', ['production']],
    ]);
    // every message: the bus event's id (also the SSE id), type, time, order and its detail
    const payment = message(first);
    expect(first.id).toBe(payment.id);
    expect(payment).toEqual({
      id: bus.find((e) => e.type === 'PaymentReceived')?.id,
      type: 'PaymentReceived',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      orderId,
      departments: ['finance'],
      detail: expect.objectContaining({
        orderId,
        reference: 'DEP-FEED-1',
        amount: { amount: '1829.88', currency: 'EUR' },
      }),
    });
    // and nothing else came
    expect(departments.events).toHaveLength(2);
    expect(types.events).toHaveLength(2);
    expect(JSON.stringify([...departments.events, ...types.events])).not.toMatch(/Hamburg|Buyer@|Am Hafen/i);
  });

  it('gives a client that reconnects with Last-Event-ID exactly what it missed, then goes on live', async () => {
    // Prepare: an order seen up to its confirmation (it then waits for the deposit)
    const token = system.runtime.info.staffTokens.admin;
    const before = await open({ token });
    const orderId = await placeOrder();
    await untilStatus(orderId, 'AWAITING_DEPOSIT');
    await system.runtime.idle();
    let seen: FeedMessage;
    do seen = message(await before.next());
    while (!(seen.orderId === orderId && seen.type === 'OrderConfirmed'));
    const connected = system.runtime.feed?.connections() ?? 0;
    before.close();
    await eventually(
      async () => ((system.runtime.feed?.connections() ?? 0) < connected ? true : undefined),
      5_000,
      'the disconnect',
    );

    // Act: the order moves on while the client is away, then it reconnects
    expect((await payDeposit(orderId, 'DEP-FEED-2')).status).toBe(200);
    // Until the order rests again (in production, waiting for packing): nothing more comes after that.
    await untilBusHas(orderId, 'OrderWaiting', 'packing');
    await system.runtime.idle();
    const after = await open({ token }, { 'last-event-id': seen.id });

    // Assess: what the bus carried after the last event seen, each once, in order
    const bus = busEvents(orderId);
    const missed = bus.slice(bus.findIndex((e) => e.id === seen.id) + 1);
    expect(missed.map((e) => e.type)).toEqual(
      expect.arrayContaining(['PaymentReceived', 'DepositReceived', 'StockAllocated']),
    );
    const replayed = [];
    for (const _ of missed) replayed.push(message(await after.next()));
    expect(replayed.map((m) => m.id)).toEqual(missed.map((e) => e.id));
    await expect(after.next(undefined, 300)).rejects.toThrow(/no server-sent event/);

    // and live again: the next change arrives on the same stream
    const cancelled = await system.api(`/orders/${orderId}/cancel`, {
      as: 'sales',
      body: { reason: 'feed test' },
    });
    expect(cancelled.status).toBeLessThan(300);
    await untilBusHas(orderId, 'OrderCancelled');
    let live: FeedMessage;
    do live = message(await after.next());
    while (live.type !== 'OrderCancelled');
    expect(live.orderId).toBe(orderId);
  });

  it('tells a client whose Last-Event-ID it does not know to resync', async () => {
    // Act
    const stream = await open(
      { token: system.runtime.info.staffTokens.sales },
      { 'last-event-id': 'not-an-event' },
    );

    // Assess
    expect(JSON.parse((await stream.next('resync')).data)).toMatchObject({ lastEventId: 'not-an-event' });
  });

  it('refuses no token (401), a storefront key or a bad token (403), and unknown filter names (400)', async () => {
    // Act
    const refusals = await Promise.all([
      openEventStream(feedUrl({})),
      openEventStream(feedUrl({ token: system.runtime.info.apiKey })),
      openEventStream(feedUrl({ token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' })),
      openEventStream(feedUrl({}), { 'x-api-key': system.runtime.info.apiKey }),
      openEventStream(feedUrl({ token: system.runtime.info.staffTokens.sales, departments: 'marketing' })),
    ]);

    // Assess
    expect(refusals.map((refusal) => refusal.status)).toEqual([401, 403, 403, 401, 400]);
    const invalid = refusals[4] as { body: string };
    expect(JSON.parse(invalid.body).error).toMatchObject({ code: 'INVALID_INPUT', field: 'departments' });
  });

  it('forgets a connection once its client closes the stream', async () => {
    // Prepare
    const stream = await open({ token: system.runtime.info.staffTokens.logistics });
    const count = system.runtime.feed?.connections() ?? 0;

    // Act
    stream.close();

    // Assess
    await eventually(
      async () => ((system.runtime.feed?.connections() ?? 0) < count ? true : undefined),
      5_000,
      'the disconnect',
    );
  });
});
