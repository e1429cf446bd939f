import type {
  ConnectionPoster,
  FeedConnection,
  FeedConnectionStore,
} from '../../../shared/ports/feed-connections';
import { makeConnectToFeed, makeDisconnectFromFeed } from '../../../shared/use-cases/connect-to-feed';
import { CONNECTING_GRACE_MS, makeFanOutFeed } from '../../../shared/use-cases/fan-out-feed';

const NOW = new Date('2026-11-27T10:00:00Z');
const clock = { now: () => NOW };

function fakeConnections(
  initial: FeedConnection[] = [],
): FeedConnectionStore & { items: Map<string, FeedConnection> } {
  const items = new Map(initial.map((connection) => [connection.connectionId, connection]));
  return {
    items,
    put: async (connection) => void items.set(connection.connectionId, connection),
    remove: async (connectionId) => void items.delete(connectionId),
    list: async () => [...items.values()],
  };
}

/** Answers per connection id: 'sent' by default, 'gone' or an error when told. */
function fakePoster(
  answers: Record<string, 'gone' | Error> = {},
): ConnectionPoster & { posts: [string, unknown][] } {
  const posts: [string, unknown][] = [];
  return {
    posts,
    post: async (connectionId, data) => {
      const answer = answers[connectionId];
      if (answer instanceof Error) throw answer;
      if (answer === 'gone') return 'gone';
      posts.push([connectionId, JSON.parse(data)]);
      return 'sent';
    },
  };
}

const connection = (
  connectionId: string,
  filter: FeedConnection['filter'],
  agoMs = 60_000,
): FeedConnection => ({
  connectionId,
  filter,
  role: 'finance',
  connectedAt: new Date(NOW.getTime() - agoMs).toISOString(),
  expiresAt: Math.floor(NOW.getTime() / 1000) + 3600,
});

const creditHeld = {
  id: 'evt-1',
  'detail-type': 'CreditHeld',
  time: NOW.toISOString(),
  detail: { orderId: 'ord_1', version: 1, reason: 'over limit' },
};

describe('fan-out to the live feed', () => {
  it('posts the message to the connections whose filters match, and only to them', async () => {
    // Prepare
    const connections = fakeConnections([
      connection('all', {}),
      connection('finance', { departments: ['finance'] }),
      connection('logistics', { departments: ['logistics'] }),
      connection('packed', { types: ['OrderPacked'] }),
    ]);
    const poster = fakePoster();

    // Act
    const outcome = await makeFanOutFeed({ connections, poster, clock })(creditHeld);

    // Assess
    expect(outcome).toEqual({ matched: 2, sent: 2, removed: 0, failed: 0 });
    expect(poster.posts.map(([id]) => id).sort()).toEqual(['all', 'finance']);
    expect(poster.posts[0][1]).toEqual({
      id: 'evt-1',
      type: 'CreditHeld',
      time: NOW.toISOString(),
      orderId: 'ord_1',
      departments: ['sales', 'finance'],
      detail: creditHeld.detail,
    });
  });

  it('forgets a connection that is gone (410), but not one still connecting', async () => {
    // Prepare
    const connections = fakeConnections([
      connection('left', {}),
      connection('connecting', {}, CONNECTING_GRACE_MS / 2),
      connection('here', {}),
    ]);
    const poster = fakePoster({ left: 'gone', connecting: 'gone' });

    // Act
    const outcome = await makeFanOutFeed({ connections, poster, clock })(creditHeld);

    // Assess
    expect(outcome).toEqual({ matched: 3, sent: 1, removed: 1, failed: 0 });
    expect([...connections.items.keys()].sort()).toEqual(['connecting', 'here']);
  });

  it('counts a failed post without throwing, skips expired connections', async () => {
    // Prepare
    const expired = { ...connection('expired', {}), expiresAt: Math.floor(NOW.getTime() / 1000) - 1 };
    const connections = fakeConnections([connection('throttled', {}), connection('here', {}), expired]);
    const throttled = Object.assign(new Error('slow down'), { name: 'LimitExceededException' });
    const failures: string[] = [];
    const poster = fakePoster({ throttled });

    // Act
    const outcome = await makeFanOutFeed({
      connections,
      poster,
      clock,
      onPostFailed: (id, name) => failures.push(`${id}:${name}`),
    })(creditHeld);

    // Assess
    expect(outcome).toEqual({ matched: 2, sent: 1, removed: 0, failed: 1 });
    expect(failures).toEqual(['throttled:LimitExceededException']);
  });

  it('keeps a connection with its filters and TTL at $connect, refuses unknown filters, forgets it at $disconnect', async () => {
    // Prepare
    const connections = fakeConnections();

    // Act
    const kept = await makeConnectToFeed({ connections, clock })({
      connectionId: 'c1',
      query: { token: 'x', departments: 'finance', types: 'CreditHeld' },
      role: 'finance',
    });
    const refused = await makeConnectToFeed({ connections, clock })({
      connectionId: 'c2',
      query: { types: 'Nope' },
      role: 'finance',
    });
    const stored = connections.items.get('c1');
    await makeDisconnectFromFeed({ connections })('c1');

    // Assess
    expect(kept).toEqual({ ok: true });
    expect(refused).toMatchObject({ ok: false, field: 'types' });
    expect(stored).toEqual({
      connectionId: 'c1',
      filter: { departments: ['finance'], types: ['CreditHeld'] },
      role: 'finance',
      connectedAt: NOW.toISOString(),
      expiresAt: Math.floor(NOW.getTime() / 1000) + 2 * 3600 + 300,
    });
    expect(connections.items.size).toBe(0);
  });
});
