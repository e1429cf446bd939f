import type { ServerResponse } from 'node:http';
import { messageId, sseComment, sseEvent } from './sse-frames';

/**
 * One client's event stream, as API Gateway holds a WebSocket connection: posts that arrive while its
 * `$connect` is still running are held (API Gateway would answer 410 for them, which the fan-out
 * tolerates; here they are simply sent once open), and an event already replayed from the journal is
 * not sent twice.
 */
const RECENT_IDS = 1000;

export class FeedStream {
  readonly connectedAt = new Date();
  lastActiveAt = new Date();
  private response: ServerResponse | undefined;
  private held: string[] = [];
  /** Ids recently sent, newest last: replay and live overlap, and the bus may deliver twice. */
  private readonly sent = new Set<string>();
  private heartbeat: NodeJS.Timeout | undefined;
  closed = false;

  constructor(
    readonly connectionId: string,
    readonly userAgent: string,
  ) {}

  /** The connection is open: replay first, then what was held, then live. */
  open(response: ServerResponse, replay: string[], heartbeatMs: number): void {
    this.response = response;
    for (const data of replay) this.write(data);
    for (const data of this.held) this.write(data);
    this.held = [];
    this.heartbeat = setInterval(() => response.write(sseComment('heartbeat')), heartbeatMs);
    this.heartbeat.unref();
  }

  /** PostToConnection. */
  post(data: string): void {
    this.lastActiveAt = new Date();
    if (this.response) this.write(data);
    else this.held.push(data);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.response?.end();
  }

  private write(data: string): void {
    const id = messageId(data);
    if (id) {
      if (this.sent.has(id)) return;
      this.sent.add(id);
      if (this.sent.size > RECENT_IDS) this.sent.delete(this.sent.values().next().value as string);
    }
    this.response?.write(sseEvent(data, { id }));
  }
}
