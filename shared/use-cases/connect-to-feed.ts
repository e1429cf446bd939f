import { parseFeedFilter } from '../feed/feed-filter';
import type { Clock } from '../ports/clock';
import type { FeedConnectionStore } from '../ports/feed-connections';

/** API Gateway closes a WebSocket connection after 2 hours; its item is dropped a little later. */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 5 * 60;

export interface ConnectInput {
  connectionId: string;
  query: Record<string, string | undefined> | null | undefined;
  /** The staff role the authorizer found. */
  role: string;
}

export type ConnectOutcome = { ok: true } | { ok: false; field: string; message: string };

/** $connect: keeps the connection with the filters it asked for; refuses unknown filter names. */
export function makeConnectToFeed(deps: { connections: FeedConnectionStore; clock: Clock }) {
  return async (input: ConnectInput): Promise<ConnectOutcome> => {
    const parsed = parseFeedFilter(input.query);
    if (!parsed.ok) return parsed;
    const now = deps.clock.now();
    await deps.connections.put({
      connectionId: input.connectionId,
      filter: parsed.filter,
      role: input.role,
      connectedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + CONNECTION_TTL_SECONDS,
    });
    return { ok: true };
  };
}

/** $disconnect: forgets the connection (a repeat, or one never kept, is fine). */
export function makeDisconnectFromFeed(deps: { connections: FeedConnectionStore }) {
  return async (connectionId: string): Promise<void> => {
    await deps.connections.remove(connectionId);
  };
}
