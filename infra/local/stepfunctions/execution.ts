import {
  type ClosedExecution,
  type ExecutionHeader,
  type ExecutionStore,
  type StoredExecution,
  toStoredEvent,
} from './execution-store';
import { type EventDraft, executionEvents, type MappedEngineEvent } from './history-events';
import { ReplayBook, type TaskOutcome } from './replay-book';
import type { ExecutionStatus, ExecutionSummary, HistoryEvent, PendingTaskWait } from './types';

/** One execution's state and history; every change is appended to its log as it happens. */
export class Execution {
  status: ExecutionStatus = 'RUNNING';
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  readonly events: HistoryEvent[] = [];
  transitions = 0;
  readonly book: ReplayBook;
  /** Engine events an earlier run recorded, which the replay will emit again and must not repeat. */
  private readonly replayKeys: Map<string, number>;

  private constructor(
    readonly header: ExecutionHeader,
    private readonly store: ExecutionStore,
    stored?: StoredExecution,
  ) {
    this.book = new ReplayBook(stored?.outcomes, stored?.starts);
    this.replayKeys = stored?.replayKeys ?? new Map();
    if (!stored) return;
    this.events.push(...stored.events);
    this.transitions = stored.transitions;
    if (stored.closed) this.applyClosed(stored.closed);
  }

  static create(header: ExecutionHeader, store: ExecutionStore): Execution {
    const execution = new Execution(header, store);
    store.append(header.executionArn, { kind: 'execution', header });
    execution.append([executionEvents.started(header.input, header.roleArn, new Date(header.startDate))]);
    return execution;
  }

  static restore(stored: StoredExecution, store: ExecutionStore): Execution {
    return new Execution(stored.header, store, stored);
  }

  get arn(): string {
    return this.header.executionArn;
  }

  get startDate(): Date {
    return new Date(this.header.startDate);
  }

  append(drafts: EventDraft[], extra: { replayKey?: string; transition?: boolean } = {}): void {
    const events = drafts.map((draft): HistoryEvent => {
      const id = this.events.length + 1;
      const event = { ...draft, id, previousEventId: id - 1, timestamp: draft.timestamp ?? new Date() };
      this.events.push(event);
      return event;
    });
    if (extra.transition) this.transitions += 1;
    this.store.append(this.arn, { kind: 'events', events: events.map(toStoredEvent), ...extra });
  }

  /** An engine event, unless it is one an earlier run recorded and this replay emits again. */
  appendEngineEvent(mapped: MappedEngineEvent): void {
    const left = this.replayKeys.get(mapped.replayKey) ?? 0;
    if (left > 0) {
      this.replayKeys.set(mapped.replayKey, left - 1);
      return;
    }
    if (mapped.drafts.length === 0 && !mapped.transition) return;
    const extra = mapped.transition
      ? { replayKey: mapped.replayKey, transition: true }
      : { replayKey: mapped.replayKey };
    this.append(mapped.drafts, extra);
  }

  recordStart(key: string, at: number): void {
    this.book.recordStart(key, at);
    this.store.append(this.arn, { kind: 'taskStarted', key, at });
  }

  recordOutcome(key: string, outcome: TaskOutcome): void {
    this.book.recordOutcome(key, outcome);
    this.store.append(this.arn, { kind: 'taskOutcome', key, outcome });
  }

  close(closed: ClosedExecution, drafts: EventDraft[]): void {
    this.append(drafts.map((draft) => ({ ...draft, timestamp: new Date(closed.stopDate) })));
    this.applyClosed(closed);
    this.store.append(this.arn, { kind: 'closed', closed });
  }

  summary(pendingWaits: PendingTaskWait[]): ExecutionSummary {
    const { executionArn, stateMachineArn, name } = this.header;
    return {
      executionArn,
      stateMachineArn,
      name,
      status: this.status,
      startDate: this.startDate,
      stopDate: this.stopDate,
      stateTransitions: this.transitions,
      pendingWaits,
    };
  }

  private applyClosed(closed: ClosedExecution): void {
    this.status = closed.status;
    this.stopDate = new Date(closed.stopDate);
    this.output = closed.output;
    this.error = closed.error;
    this.cause = closed.cause;
  }
}
