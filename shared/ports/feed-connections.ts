import type { FeedFilter } from '../feed/feed-filter';

/** An open live feed connection: its id (API Gateway's), what it asked to see, and when it opened. */
export interface FeedConnection {
  connectionId: string;
  filter: FeedFilter;
  /** The staff role that opened it (no user id: the feed keeps no personal data). */
  role: string;
  connectedAt: string;
  /** Epoch seconds after which the connection is forgotten anyway (the table's TTL). */
  expiresAt: number;
}

/** Where connections are kept between $connect and $disconnect. */
export interface FeedConnectionStore {
  put(connection: FeedConnection): Promise<void>;
  remove(connectionId: string): Promise<void>;
  list(): Promise<FeedConnection[]>;
}

/** Sends data to one connection: `gone` when it no longer exists (API Gateway's 410). */
export interface ConnectionPoster {
  post(connectionId: string, data: string): Promise<'sent' | 'gone'>;
}
