import { liveRefresh, SAFETY_READ_MS } from '../../../console/src/pages/orders/live-refresh';
import type { FeedMessage } from '../../../console/src/shell/contract';
import { LiveFeed, RESYNC } from '../../../console/src/shell/live-feed';

/** A stand-in for the browser's EventSource: the test opens, sends and drops it. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(): void {}
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  send(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** Refused or dropped for good: EventSource gives up, and the feed must open a new one. */
  fail(): void {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
}

class FakeWebSocket {
  static opened: FakeWebSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.opened.push(this);
  }
  close(): void {
    this.onclose?.();
  }
}

describe("the console's live feed", () => {
  const globals = globalThis as unknown as Record<string, unknown>;

  beforeEach(() => {
    jest.useFakeTimers();
    FakeEventSource.opened = [];
    FakeWebSocket.opened = [];
    globals.EventSource = FakeEventSource;
    globals.WebSocket = FakeWebSocket;
    globals.location = { href: 'http://127.0.0.1:3000/console/' };
  });
  afterEach(() => {
    jest.useRealTimers();
    delete globals.EventSource;
    delete globals.WebSocket;
    delete globals.location;
  });

  it('opens one stream with the token and fans each message out to every listener until it unsubscribes', () => {
    // Prepare
    const feed = new LiveFeed({ kind: 'sse', url: '/console/feed' }, 'tok');
    const board: FeedMessage[] = [];
    const order: FeedMessage[] = [];
    feed.start();
    feed.subscribe((message) => board.push(message));
    const leave = feed.subscribe((message) => order.push(message));
    const [source] = FakeEventSource.opened;

    // Act
    source.open();
    source.send({ id: 'e1', type: 'CreditHeld', orderId: 'ord_1' });
    leave();
    source.send({ id: 'e2', type: 'OrderConfirmed', orderId: 'ord_1' });
    source.onmessage?.({ data: 'not json' });

    // Assess
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(source.url).toBe('http://127.0.0.1:3000/console/feed?token=tok');
    expect(board.map((message) => message.type)).toEqual(['CreditHeld', 'OrderConfirmed']);
    expect(order.map((message) => message.type)).toEqual(['CreditHeld']);
    expect(feed.status).toBe('live');
  });

  it('opens the stream again after it is dropped, waiting longer each time, then tells listeners to reload', () => {
    // Prepare
    const feed = new LiveFeed({ kind: 'sse', url: '/console/feed' }, 'tok');
    const seen: FeedMessage[] = [];
    const statuses: string[] = [];
    feed.subscribe((message) => seen.push(message));
    feed.onStatus((status) => statuses.push(status));
    feed.start();
    FakeEventSource.opened[0].open();

    // Act: dropped; the first retry is refused too; the second one opens
    FakeEventSource.opened[0].fail();
    jest.advanceTimersByTime(1000);
    FakeEventSource.opened[1].fail();
    jest.advanceTimersByTime(1999);
    const beforeSecondRetry = FakeEventSource.opened.length;
    jest.advanceTimersByTime(1);
    FakeEventSource.opened[2].open();

    // Assess
    expect(beforeSecondRetry).toBe(2);
    expect(FakeEventSource.opened).toHaveLength(3);
    expect(seen).toEqual([RESYNC]);
    expect(statuses).toEqual(['off', 'connecting', 'live', 'reconnecting', 'live']);
  });

  it('uses the WebSocket API on AWS (wss, token in the query), and stops for good when signed out', () => {
    // Prepare
    const feed = new LiveFeed({ kind: 'websocket', url: 'https://feed.example/live' }, 'tok');
    feed.start();
    const [socket] = FakeWebSocket.opened;

    // Act
    feed.stop();
    jest.advanceTimersByTime(60_000);

    // Assess
    expect(socket.url).toBe('wss://feed.example/live?token=tok');
    expect(FakeWebSocket.opened).toHaveLength(1);
    expect(feed.status).toBe('off');
  });
});

describe("a page's re-reads after a change", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads at once, then again later (a wait sets its status without an event), starting over on a new change', async () => {
    // Prepare
    const reads: number[] = [];
    const live = liveRefresh(
      async () => {
        reads.push(Date.now());
      },
      () => undefined,
      [400, 2500],
    );
    const start = Date.now();

    // Act
    live.changed();
    await jest.advanceTimersByTimeAsync(1000);
    live.changed();
    await jest.advanceTimersByTimeAsync(3000);
    live.stop();
    await jest.advanceTimersByTimeAsync(120_000);

    // Assess: 400 ms; then, started over at 1000: 1400 and 3500; nothing after stop
    expect(reads.map((at) => at - start)).toEqual([400, 1400, 3500]);
  });

  it('reads every minute while the page is open, in case a change came with no event', async () => {
    // Prepare
    let reads = 0;
    const live = liveRefresh(
      async () => {
        reads++;
      },
      () => undefined,
    );

    // Act
    await jest.advanceTimersByTimeAsync(SAFETY_READ_MS * 2);
    live.stop();
    await jest.advanceTimersByTimeAsync(SAFETY_READ_MS * 2);

    // Assess
    expect(reads).toBe(2);
  });
});
