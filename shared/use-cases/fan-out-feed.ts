import { matchesFeedFilter } from '../feed/feed-filter';
import { type BusEvent, feedMessage } from '../feed/feed-message';
import type { Clock } from '../ports/clock';
import type { ConnectionPoster, FeedConnectionStore } from '../ports/feed-connections';

export interface FanOutDeps {
  connections: FeedConnectionStore;
  poster: ConnectionPoster;
  clock: Clock;
  /** Told of a connection a post failed for (its id and the error's name: nothing personal). */
  onPostFailed?: (connectionId: string, errorName: string) => void;
}

export interface FanOutOutcome {
  matched: number;
  sent: number;
  /** Connections that were gone (410) and were forgotten. */
  removed: number;
  failed: number;
}

/**
 * A connection can be posted to only once its $connect has returned: until then API Gateway answers
 * 410 as for a closed one. Its item is written during $connect, so a 410 within this long of the
 * connect is not taken for a departure (the $connect integration times out at 29 s).
 */
export const CONNECTING_GRACE_MS = 30_000;

/** Posts at a time: enough for a team's connections, without a burst of sockets per event. */
const CONCURRENCY = 10;

/**
 * Sends one bus event, as a feed message, to every open connection whose filter matches; forgets
 * connections that are gone. A failed post (throttled, 5xx) is counted, not thrown: a redelivery
 * would repeat the message to everyone else, and a live view is best effort (clients resync).
 */
export function makeFanOutFeed(deps: FanOutDeps) {
  return async (event: BusEvent): Promise<FanOutOutcome> => {
    const message = feedMessage(event);
    const data = JSON.stringify(message);
    const now = deps.clock.now().getTime();
    const open = (await deps.connections.list()).filter((c) => c.expiresAt * 1000 > now);
    const matching = open.filter((connection) => matchesFeedFilter(connection.filter, message));
    const outcome: FanOutOutcome = { matched: matching.length, sent: 0, removed: 0, failed: 0 };
    for (let start = 0; start < matching.length; start += CONCURRENCY) {
      await Promise.all(
        matching.slice(start, start + CONCURRENCY).map(async (connection) => {
          try {
            if ((await deps.poster.post(connection.connectionId, data)) === 'sent') {
              outcome.sent++;
            } else if (now - Date.parse(connection.connectedAt) > CONNECTING_GRACE_MS) {
              await deps.connections.remove(connection.connectionId);
              outcome.removed++;
            }
          } catch (error) {
            outcome.failed++;
            deps.onPostFailed?.(connection.connectionId, (error as Error).name ?? 'Error');
          }
        }),
      );
    }
    return outcome;
  };
}
