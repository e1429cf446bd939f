import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compactedLines,
  DeliveryJournal,
  JOURNAL_FILE,
  type JournalLine,
  readDeliveryJournal,
} from '../../../../infra/local/eventbridge/delivery-journal';
import type { DeadLetter } from '../../../../infra/local/eventbridge/delivery-queue';
import type { EventBridgeEvent } from '../../../../infra/local/eventbridge/put-events';

function eventWithId(id: string): EventBridgeEvent {
  return {
    version: '0',
    id,
    'detail-type': 'OrderConfirmed',
    source: 'tradeflow.orders',
    account: '000000000000',
    time: '2024-05-01T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: { version: 1, orderId: `ord_${id}` },
  };
}

function accepted(id: string, targets: string[], receivedAt = 1_000): JournalLine {
  return {
    kind: 'accepted',
    event: eventWithId(id),
    eventBusName: 'tradeflow',
    receivedAt,
    deliveries: targets.map((targetId) => ({
      rule: 'order-confirmed',
      targetId,
      attempts: 0,
      firstAttemptAt: receivedAt,
    })),
  };
}

function deadLetterOf(id: string, targetId: string): DeadLetter {
  return {
    event: eventWithId(id),
    rule: 'order-confirmed',
    targetId,
    attempts: 3,
    lastError: 'Error: target is down',
    exhaustedRetryCondition: 'MaximumRetryAttempts',
    time: '2024-05-01T10:00:05.000Z',
  };
}

const key = (eventId: string, targetId: string) => ({ eventId, rule: 'order-confirmed', targetId });
const text = (lines: JournalLine[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join('');

describe('readDeliveryJournal', () => {
  it('keeps the deliveries without an outcome, with the attempts and next retry of the last failure', () => {
    // Prepare
    const lines: JournalLine[] = [
      accepted('e1', ['notify-buyer', 'credit-review']),
      accepted('e2', ['notify-buyer']),
      accepted('e3', ['notify-buyer']),
      {
        kind: 'attempted',
        ...key('e1', 'notify-buyer'),
        attempts: 1,
        lastError: 'Error: a',
        nextAttemptAt: 2_000,
      },
      {
        kind: 'attempted',
        ...key('e1', 'notify-buyer'),
        attempts: 2,
        lastError: 'Error: b',
        nextAttemptAt: 4_000,
      },
      { kind: 'delivered', ...key('e1', 'credit-review'), attempts: 1, at: 1_001 },
      { kind: 'delivered', ...key('e2', 'notify-buyer'), attempts: 1, at: 1_002 },
      { kind: 'dead-lettered', deadLetter: deadLetterOf('e3', 'notify-buyer') },
    ];

    // Act
    const state = readDeliveryJournal(text(lines));

    // Assess
    expect(state.pending).toEqual([
      {
        event: eventWithId('e1'),
        eventBusName: 'tradeflow',
        receivedAt: 1_000,
        deliveries: [
          {
            rule: 'order-confirmed',
            targetId: 'notify-buyer',
            attempts: 2,
            firstAttemptAt: 1_000,
            lastError: 'Error: b',
            nextAttemptAt: 4_000,
          },
        ],
      },
    ]);
    expect(state.deadLetters).toEqual([deadLetterOf('e3', 'notify-buyer')]);
  });

  it('ignores a torn last line, and an outcome for a delivery it does not hold', () => {
    // Prepare
    const whole = text([
      accepted('e1', ['notify-buyer']),
      { kind: 'delivered', ...key('gone', 'notify-buyer'), attempts: 1, at: 1_001 },
    ]);
    const torn = `${whole}{"kind":"delivered","eventId":"e1","ru`;

    // Act
    const state = readDeliveryJournal(torn);

    // Assess
    expect(state.pending.map((pending) => pending.event.id)).toEqual(['e1']);
    expect(state.deadLetters).toEqual([]);
  });

  it('refuses a damaged line that is not the last one rather than lose what follows it', () => {
    // Prepare
    const damaged = `${text([accepted('e1', ['notify-buyer'])])}{"kind":"acc\n${text([accepted('e2', ['x'])])}`;

    // Act
    const read = () => readDeliveryJournal(damaged);

    // Assess
    expect(read).toThrow('delivery journal line 2 is not JSON');
  });

  it('compacts to lines that read back as the same state', () => {
    // Prepare
    const state = readDeliveryJournal(
      text([
        accepted('e1', ['notify-buyer', 'credit-review']),
        { kind: 'delivered', ...key('e1', 'credit-review'), attempts: 1, at: 1_001 },
        accepted('e2', ['notify-buyer']),
        { kind: 'dead-lettered', deadLetter: deadLetterOf('e2', 'notify-buyer') },
      ]),
    );

    // Act
    const lines = compactedLines(state);

    // Assess
    expect(lines.map((line) => line.kind)).toEqual(['dead-lettered', 'accepted']);
    expect(readDeliveryJournal(text(lines))).toEqual(state);
  });
});

describe('DeliveryJournal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eventbridge-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty in a new folder and reads back what was appended at the next open', () => {
    // Prepare
    const first = DeliveryJournal.open(join(dir, 'eventbridge'));

    // Act
    first.journal.append([accepted('e1', ['notify-buyer']), accepted('e2', ['notify-buyer'])]);
    first.journal.append([{ kind: 'delivered', ...key('e2', 'notify-buyer'), attempts: 1, at: 1_001 }]);
    first.journal.close();
    const second = DeliveryJournal.open(join(dir, 'eventbridge'));
    second.journal.close();

    // Assess
    expect(first.state).toEqual({ pending: [], deadLetters: [] });
    expect(second.state.pending.map((pending) => pending.event.id)).toEqual(['e1']);
  });

  it('rewrites the file at open with only the pending deliveries and the dead letters', () => {
    // Prepare
    const file = join(dir, JOURNAL_FILE);
    const history: JournalLine[] = [];
    for (let i = 0; i < 50; i++) {
      history.push(accepted(`e${i}`, ['notify-buyer']));
      history.push({ kind: 'delivered', ...key(`e${i}`, 'notify-buyer'), attempts: 1, at: 1_001 });
    }
    history.push(accepted('late', ['notify-buyer']));
    history.push(accepted('dead', ['notify-buyer']));
    history.push({ kind: 'dead-lettered', deadLetter: deadLetterOf('dead', 'notify-buyer') });
    writeFileSync(file, `${text(history)}{"kind":"accep`);

    // Act
    const { journal, state } = DeliveryJournal.open(dir);
    journal.close();

    // Assess
    const rewritten = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(rewritten).toHaveLength(2);
    expect(rewritten.map((line) => (JSON.parse(line) as JournalLine).kind)).toEqual([
      'dead-lettered',
      'accepted',
    ]);
    expect(readDeliveryJournal(readFileSync(file, 'utf8'))).toEqual(state);
    expect(state.pending.map((pending) => pending.event.id)).toEqual(['late']);
    expect(state.deadLetters).toEqual([deadLetterOf('dead', 'notify-buyer')]);
    expect(readdirSync(dir)).toEqual([JOURNAL_FILE]);
  });

  it('drops appends once closed, so a stopped server writes nothing the next one reads', () => {
    // Prepare
    const { journal } = DeliveryJournal.open(dir);
    journal.close();

    // Act
    journal.append([accepted('late', ['notify-buyer'])]);

    // Assess
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    expect(readFileSync(join(dir, JOURNAL_FILE), 'utf8')).toBe('');
  });
});
