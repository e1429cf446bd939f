import type { ConsoleConfig } from './console-config';
import type { FeedMessage } from './contract';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

/** What the shell fans out after a gap: the page reloads what it shows (events may have been missed). */
export const RESYNC: FeedMessage = { type: 'feed.resync' };

/** One open connection: each message's text to `onMessage`; `onClose` once, however it ended. */
interface Transport {
  close(): void;
}
type Open = (
  url: string,
  handlers: { onOpen(): void; onMessage(data: string): void; onClose(): void; onResync(): void },
) => Transport;

const openSse: Open = (url, handlers) => {
  const source = new EventSource(url);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    source.close();
    handlers.onClose();
  };
  source.onopen = () => handlers.onOpen();
  source.onmessage = (event) => handlers.onMessage(String(event.data));
  source.addEventListener('resync', () => handlers.onResync());
  // EventSource retries by itself after a dropped stream (resuming from Last-Event-ID); a refused
  // one (401/403, not an event stream) it gives up on: then this reconnects with a fresh token check.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) close();
  };
  return { close };
};

const openWebSocket: Open = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => handlers.onMessage(String(event.data));
  socket.onclose = () => handlers.onClose();
  return { close: () => socket.close() };
};

/**
 * The API's live feed, connected once for the whole console (Server-Sent Events locally, the
 * WebSocket API on AWS, as config.json says) and fanned out to the pages' listeners. A dropped
 * connection is opened again after a growing pause (1 s … 30 s); after any gap, listeners get
 * `RESYNC` so a page reloads what it shows rather than trusting it missed nothing.
 */
export class LiveFeed {
  private readonly listeners = new Set<(message: FeedMessage) => void>();
  private readonly statusListeners = new Set<(status: FeedStatus) => void>();
  private transport: Transport | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private everOpened = false;
  private stopped = false;
  status: FeedStatus = 'off';

  constructor(
    private readonly feed: NonNullable<ConsoleConfig['feed']>,
    private readonly token: string,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.transport?.close();
    this.transport = undefined;
    this.setStatus('off');
  }

  subscribe(listener: (message: FeedMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: FeedStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  private connect(): void {
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    const url = new URL(this.feed.url, location.href);
    if (this.feed.kind === 'websocket') url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
    url.searchParams.set('token', this.token);
    const open = this.feed.kind === 'sse' ? openSse : openWebSocket;
    let wasOpen = false;
    this.transport = open(url.toString(), {
      onOpen: () => {
        const gap = this.everOpened;
        wasOpen = true;
        this.everOpened = true;
        this.attempts = 0;
        this.setStatus('live');
        if (gap) this.emit(RESYNC);
      },
      onMessage: (data) => {
        const message = parse(data);
        if (message) this.emit(message);
      },
      onResync: () => this.emit(RESYNC),
      onClose: () => {
        this.transport = undefined;
        if (this.stopped) return;
        if (!wasOpen) this.attempts++;
        this.setStatus('reconnecting');
        const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.attempts, 5));
        this.retryTimer = setTimeout(() => this.connect(), delay);
      },
    });
  }

  private emit(message: FeedMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        // One page's listener failing must not stop the others.
        console.error('feed listener failed', error);
      }
    }
  }

  private setStatus(status: FeedStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

function parse(data: string): FeedMessage | undefined {
  try {
    const message = JSON.parse(data) as FeedMessage;
    return typeof message?.type === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
