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
import type { DeadLetter } from './delivery-queue';
import type { EventBridgeEvent } from './put-events';

/**
 * The local EventBridge's durable deliveries: one append-only JSON-lines file, `deliveries.jsonl`.
 * An accepted event's line (the event and each delivery still to make) is written before PutEvents
 * answers; each failed attempt that will be retried, each delivery and each dead letter add a line.
 * At start the file is read (a torn last line, from a crash mid-write, is ignored), rewritten with only
 * what is still pending and the dead letters, and the pending deliveries resume.
 */

/** One delivery still to make: to which rule's target, and how far its retries got. */
export interface PendingDelivery {
  rule: string;
  targetId: string;
  /** Attempts made so far (each one failed). */
  attempts: number;
  /** When the first attempt was due (epoch ms): the maximum event age counts from it. */
  firstAttemptAt: number;
  /** When the next retry is due (epoch ms), once an attempt has failed. */
  nextAttemptAt?: number;
  lastError?: string;
}

/** An accepted event with the deliveries it still has to make. */
export interface PendingEvent {
  event: EventBridgeEvent;
  eventBusName: string;
  /** When PutEvents accepted it (epoch ms). */
  receivedAt: number;
  deliveries: PendingDelivery[];
}

/** Names one delivery: an event goes to a rule's target at most once. */
export interface DeliveryKey {
  eventId: string;
  rule: string;
  targetId: string;
}

export type JournalLine =
  | ({ kind: 'accepted' } & PendingEvent)
  /** An attempt failed and a retry is scheduled. */
  | ({ kind: 'attempted'; attempts: number; lastError: string; nextAttemptAt: number } & DeliveryKey)
  | ({ kind: 'delivered'; attempts: number; at: number } & DeliveryKey)
  | { kind: 'dead-lettered'; deadLetter: DeadLetter };

export interface JournalState {
  /** Events with deliveries that have no outcome yet, in the order they were accepted. */
  pending: PendingEvent[];
  deadLetters: DeadLetter[];
}

export const JOURNAL_FILE = 'deliveries.jsonl';

/**
 * What the lines say is still pending, and the dead letters. A torn last line is ignored; any other
 * line that is not JSON is an error (the file is not ours, or was damaged: better to stop than lose
 * deliveries). An outcome for a delivery the file does not hold is ignored.
 */
export function readDeliveryJournal(text: string): JournalState {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const pending = new Map<string, PendingEvent>();
  const deadLetters: DeadLetter[] = [];
  lines.forEach((raw, index) => {
    let line: JournalLine;
    try {
      line = JSON.parse(raw) as JournalLine;
    } catch (error) {
      if (index === lines.length - 1) return;
      throw new Error(`delivery journal line ${index + 1} is not JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
    applyLine(pending, deadLetters, line);
  });
  return { pending: [...pending.values()], deadLetters };
}

function applyLine(pending: Map<string, PendingEvent>, deadLetters: DeadLetter[], line: JournalLine): void {
  switch (line.kind) {
    case 'accepted': {
      const { kind: _kind, ...accepted } = line;
      pending.set(accepted.event.id, { ...accepted, deliveries: accepted.deliveries.map((d) => ({ ...d })) });
      return;
    }
    case 'attempted': {
      const delivery = findDelivery(pending, line);
      if (!delivery) return;
      delivery.attempts = line.attempts;
      delivery.lastError = line.lastError;
      delivery.nextAttemptAt = line.nextAttemptAt;
      return;
    }
    case 'delivered':
      removeDelivery(pending, line);
      return;
    case 'dead-lettered':
      removeDelivery(pending, {
        eventId: line.deadLetter.event.id,
        rule: line.deadLetter.rule,
        targetId: line.deadLetter.targetId,
      });
      deadLetters.push(line.deadLetter);
      return;
  }
}

function findDelivery(pending: Map<string, PendingEvent>, key: DeliveryKey): PendingDelivery | undefined {
  return pending
    .get(key.eventId)
    ?.deliveries.find((delivery) => delivery.rule === key.rule && delivery.targetId === key.targetId);
}

function removeDelivery(pending: Map<string, PendingEvent>, key: DeliveryKey): void {
  const event = pending.get(key.eventId);
  if (!event) return;
  event.deliveries = event.deliveries.filter(
    (delivery) => delivery.rule !== key.rule || delivery.targetId !== key.targetId,
  );
  if (event.deliveries.length === 0) pending.delete(key.eventId);
}

/** The lines a compacted journal holds: the dead letters, then one line per event still pending. */
export function compactedLines(state: JournalState): JournalLine[] {
  return [
    ...state.deadLetters.map((deadLetter): JournalLine => ({ kind: 'dead-lettered', deadLetter })),
    ...state.pending.map((event): JournalLine => ({ kind: 'accepted', ...event })),
  ];
}

function serialize(lines: JournalLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

/**
 * The journal file of a data folder, held open for appending. Appends are synchronous (no fsync: a
 * written line survives the process, which is what a local run needs). After `close()` appends are
 * dropped, so a late outcome of a stopped server never lands in a file the next server reads.
 */
export class DeliveryJournal {
  private fd: number | undefined;

  private constructor(
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Reads the journal of `dir` (created if missing), compacts it, and opens it for appending. */
  static open(dir: string): { journal: DeliveryJournal; state: JournalState } {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, JOURNAL_FILE);
    const state = existsSync(file)
      ? readDeliveryJournal(readFileSync(file, 'utf8'))
      : { pending: [], deadLetters: [] };
    // Written aside then renamed over: a crash while compacting leaves the old journal whole.
    const compacting = `${file}.compacting`;
    writeFileSync(compacting, serialize(compactedLines(state)));
    renameSync(compacting, file);
    return { journal: new DeliveryJournal(file, openSync(file, 'a')), state };
  }

  append(lines: JournalLine[]): void {
    if (this.fd === undefined || lines.length === 0) return;
    const bytes = Buffer.from(serialize(lines));
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
