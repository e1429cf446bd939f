import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { BusEvent } from '../../../shared/feed/feed-message';

/**
 * The live feed's memory of recent events, so a client that reconnects with `Last-Event-ID` gets
 * exactly what it missed. The bus's own delivery journal (eventbridge/delivery-journal.ts) forgets an
 * event once delivered, so the feed keeps its own, the same way: an append-only JSON-lines file,
 * `events.jsonl`, a torn last line ignored, compacted to the newest `limit` events at open and
 * whenever it has grown by `limit` lines. Bounded: a client that was away longer is told to resync.
 */
export class FeedJournal {
  private fd: number | undefined;
  private readonly events: BusEvent[];
  private readonly ids = new Set<string>();
  private appendedSinceCompaction = 0;

  private constructor(
    readonly file: string,
    events: BusEvent[],
    private readonly limit: number,
  ) {
    this.events = events;
    for (const event of events) this.ids.add(event.id);
    this.compact();
  }

  static open(dir: string, limit = 1000): FeedJournal {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'events.jsonl');
    const events = existsSync(file) ? readEvents(readFileSync(file, 'utf8')) : [];
    return new FeedJournal(file, events.slice(-limit), limit);
  }

  /** Keeps an event once (the bus may deliver it again); false if it was already kept. */
  record(event: BusEvent): boolean {
    if (this.ids.has(event.id)) return false;
    const kept: BusEvent = {
      id: event.id,
      'detail-type': event['detail-type'],
      time: event.time,
      detail: event.detail,
    };
    this.events.push(kept);
    this.ids.add(kept.id);
    while (this.events.length > this.limit) this.ids.delete(this.events.shift()!.id);
    if (this.fd !== undefined) {
      const bytes = Buffer.from(`${JSON.stringify(kept)}\n`);
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
      if (++this.appendedSinceCompaction >= this.limit) this.compact();
    }
    return true;
  }

  /** The events after the one with `lastId`, oldest first; undefined when that one is not (or no longer) kept. */
  after(lastId: string): BusEvent[] | undefined {
    const index = this.events.findIndex((event) => event.id === lastId);
    return index < 0 ? undefined : this.events.slice(index + 1);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  // Written aside then renamed over: a crash while compacting leaves the old file whole.
  private compact(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    const aside = `${this.file}.compacting`;
    writeFileSync(aside, this.events.map((event) => `${JSON.stringify(event)}\n`).join(''));
    renameSync(aside, this.file);
    this.fd = openSync(this.file, 'a');
    this.appendedSinceCompaction = 0;
  }
}

function readEvents(text: string): BusEvent[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.flatMap((line, index) => {
    try {
      return [JSON.parse(line) as BusEvent];
    } catch (error) {
      // A crash mid-append tears only the last line.
      if (index === lines.length - 1) return [];
      throw new Error(`feed journal line ${index + 1} is not JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
}
