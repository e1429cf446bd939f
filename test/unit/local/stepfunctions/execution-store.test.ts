import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExecutionHeader,
  ExecutionStore,
  readExecutionLog,
} from '../../../../infra/local/stepfunctions/execution-store';

const header: ExecutionHeader = {
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e1',
  stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
  name: 'e1',
  input: '{"a":1}',
  startDate: 1_000,
  roleArn: 'arn:aws:iam::123456789012:role/r',
  definitionHash: 'h',
};

describe('ExecutionStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sfn-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was appended: events, transitions, replay keys, task starts and outcomes', () => {
    // Prepare
    const store = new ExecutionStore(dir);
    const arn = header.executionArn;

    // Act
    store.append(arn, { kind: 'execution', header });
    store.append(arn, {
      kind: 'events',
      events: [{ id: 1, previousEventId: 0, timestamp: 1_000, type: 'ExecutionStarted' }],
    });
    store.append(arn, { kind: 'events', events: [], replayKey: 'StateRetried|A|', transition: true });
    store.append(arn, { kind: 'events', events: [], replayKey: 'StateRetried|A|', transition: true });
    store.append(arn, { kind: 'taskStarted', key: 'A|h|0', at: 1_001 });
    store.append(arn, { kind: 'taskOutcome', key: 'A|h|0', outcome: { status: 'succeeded', output: 7 } });
    const [loaded] = new ExecutionStore(dir).loadAll();

    // Assess
    expect(loaded.header).toEqual(header);
    expect(loaded.events).toEqual([
      { id: 1, previousEventId: 0, timestamp: new Date(1_000), type: 'ExecutionStarted' },
    ]);
    expect(loaded.transitions).toBe(2);
    expect(loaded.replayKeys).toEqual(new Map([['StateRetried|A|', 2]]));
    expect(loaded.starts).toEqual(new Map([['A|h|0', 1_001]]));
    expect(loaded.outcomes).toEqual(new Map([['A|h|0', { status: 'succeeded', output: 7 }]]));
    expect(loaded.closed).toBeUndefined();
  });

  it('ignores a torn last line and writes nothing once sealed', () => {
    // Prepare
    const text = `${JSON.stringify({ kind: 'execution', header })}\n{"kind":"closed","clo`;
    const store = new ExecutionStore(dir);

    // Act
    const loaded = readExecutionLog(text);
    store.seal();
    store.append(header.executionArn, { kind: 'execution', header });

    // Assess
    expect(loaded?.header.name).toBe('e1');
    expect(readdirSync(dir)).toEqual([]);
  });
});
