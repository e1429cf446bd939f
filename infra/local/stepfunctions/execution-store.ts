import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskOutcome } from './replay-book';
import type { ExecutionStatus, HistoryEvent } from './types';

export interface ExecutionHeader {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  /** The input as the caller sent it (JSON text). */
  input: string;
  startDate: number;
  roleArn: string;
  /** To warn when an execution resumes on a changed definition. */
  definitionHash: string;
}

export interface ClosedExecution {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  stopDate: number;
  output?: string;
  error?: string;
  cause?: string;
}

export type StoredEvent = Omit<HistoryEvent, 'timestamp'> & { timestamp: number };

/** One line of an execution's append-only log. */
export type LogLine =
  | { kind: 'execution'; header: ExecutionHeader }
  /** History events; `replayKey` marks events from the engine, which a replay emits again. */
  | { kind: 'events'; events: StoredEvent[]; replayKey?: string; transition?: boolean }
  | { kind: 'taskStarted'; key: string; at: number }
  | { kind: 'taskOutcome'; key: string; outcome: TaskOutcome }
  | { kind: 'closed'; closed: ClosedExecution };

export interface StoredExecution {
  header: ExecutionHeader;
  events: HistoryEvent[];
  transitions: number;
  /** How many times each engine event was recorded: a replay skips that many of them. */
  replayKeys: Map<string, number>;
  starts: Map<string, number>;
  outcomes: Map<string, TaskOutcome>;
  closed?: ClosedExecution;
}

export function toStoredEvent(event: HistoryEvent): StoredEvent {
  return { ...event, timestamp: (event.timestamp ?? new Date()).getTime() };
}

/** Rebuilds an execution from its log; a torn last line (a crash mid-write) is ignored. */
export function readExecutionLog(text: string): StoredExecution | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  let stored: StoredExecution | undefined;
  lines.forEach((raw, index) => {
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch (error) {
      if (index === lines.length - 1) return;
      throw error;
    }
    if (line.kind === 'execution') {
      stored = {
        header: line.header,
        events: [],
        transitions: 0,
        replayKeys: new Map(),
        starts: new Map(),
        outcomes: new Map(),
      };
      return;
    }
    if (!stored) throw new Error('execution log does not start with its execution line');
    applyLine(stored, line);
  });
  return stored;
}

function applyLine(stored: StoredExecution, line: Exclude<LogLine, { kind: 'execution' }>): void {
  switch (line.kind) {
    case 'events':
      stored.events.push(...line.events.map((event) => ({ ...event, timestamp: new Date(event.timestamp) })));
      if (line.transition) stored.transitions += 1;
      if (line.replayKey)
        stored.replayKeys.set(line.replayKey, (stored.replayKeys.get(line.replayKey) ?? 0) + 1);
      return;
    case 'taskStarted':
      stored.starts.set(line.key, line.at);
      return;
    case 'taskOutcome':
      stored.outcomes.set(line.key, line.outcome);
      return;
    case 'closed':
      stored.closed = line.closed;
      return;
  }
}

/**
 * The log's text, with a torn last line (a crash mid-append) cut off the file too: left there, the
 * next append would land on the same line, and that line, no longer the last, would stop every later
 * start from reading the log.
 */
function withoutTornTail(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (text === '' || text.endsWith('\n')) return text;
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  truncateSync(file, Buffer.byteLength(whole));
  return whole;
}

/** Files kept open for appending (the executions written to most recently); the rest are reopened. */
const OPEN_FILES = 64;

/**
 * One JSON-lines file per execution, appended synchronously so a recorded result precedes what follows
 * it. The files of recently written executions stay open: opening and closing a file for every history
 * line cost the main thread (where every local server runs) more than the write.
 */
export class ExecutionStore {
  private sealed = false;
  private readonly open = new Map<string, number>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  append(executionArn: string, line: LogLine): void {
    if (this.sealed) return;
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
    const fd = this.fileDescriptor(executionArn);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
  }

  loadAll(): StoredExecution[] {
    const stored: StoredExecution[] = [];
    for (const file of readdirSync(this.dir).filter((name) => name.endsWith('.jsonl'))) {
      const execution = readExecutionLog(withoutTornTail(join(this.dir, file)));
      if (execution) stored.push(execution);
    }
    return stored;
  }

  /** After close: a late write from a stopped run must not land in a file the next server reads. */
  seal(): void {
    this.sealed = true;
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }

  private fileDescriptor(executionArn: string): number {
    const fd = this.open.get(executionArn);
    if (fd !== undefined) {
      this.open.delete(executionArn);
      this.open.set(executionArn, fd);
      return fd;
    }
    if (this.open.size >= OPEN_FILES) {
      const [oldest, oldestFd] = this.open.entries().next().value as [string, number];
      this.open.delete(oldest);
      closeSync(oldestFd);
    }
    const opened = openSync(this.fileOf(executionArn), 'a');
    this.open.set(executionArn, opened);
    return opened;
  }

  private fileOf(executionArn: string): string {
    return join(this.dir, `${createHash('sha256').update(executionArn).digest('hex').slice(0, 32)}.jsonl`);
  }
}
