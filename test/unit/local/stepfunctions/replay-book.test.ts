import { hashJson } from '../../../../infra/local/stepfunctions/json';
import { ReplayBook, type TaskOutcome, taskKey } from '../../../../infra/local/stepfunctions/replay-book';

describe('taskKey and input hashing', () => {
  it('hashes equal inputs equally whatever their key order', () => {
    // Prepare
    const a = { sku: 'A-1', qty: 2, nested: { x: 1, y: [1, 2] } };
    const b = { nested: { y: [1, 2], x: 1 }, qty: 2, sku: 'A-1' };

    // Act / Assess
    expect(hashJson(a)).toBe(hashJson(b));
    expect(hashJson(a)).not.toBe(hashJson({ ...a, qty: 3 }));
    expect(hashJson([1, 2])).not.toBe(hashJson([2, 1]));
  });

  it('keys a task by state name, input hash and occurrence', () => {
    expect(taskKey('Price', 'h', 0)).toBe('Price|h|0');
    expect(taskKey('Price', 'h', 1)).not.toBe(taskKey('Price', 'h', 0));
  });
});

describe('ReplayBook', () => {
  const succeeded = (output: number): TaskOutcome => ({ status: 'succeeded', output });

  it('counts occurrences per state and input, so repeated tasks get distinct keys', () => {
    // Prepare
    const book = new ReplayBook();

    // Act
    const first = book.next('Price', { sku: 'A' });
    const other = book.next('Price', { sku: 'B' });
    const second = book.next('Price', { sku: 'A' });

    // Assess
    expect(first.key).toBe(taskKey('Price', hashJson({ sku: 'A' }), 0));
    expect(other.key).toBe(taskKey('Price', hashJson({ sku: 'B' }), 0));
    expect(second.key).toBe(taskKey('Price', hashJson({ sku: 'A' }), 1));
    expect(first.outcome).toBeUndefined();
  });

  it('answers a new run from what an earlier run recorded, in any order of the Map items', () => {
    // Prepare: a first run records three Map items and a failure then success of a retried task.
    const first = new ReplayBook();
    const outcomes = new Map<string, TaskOutcome>();
    for (const sku of ['A', 'B', 'C'])
      outcomes.set(first.next('Price', { sku }).key, succeeded(sku.charCodeAt(0)));
    const failing = first.next('Reserve', { order: 1 }).key;
    const retried = first.next('Reserve', { order: 1 }).key;
    outcomes.set(failing, { status: 'failed', error: 'Busy', cause: '{}' });
    outcomes.set(retried, succeeded(1));

    // Act: the replay meets the items in another order.
    const replay = new ReplayBook(outcomes, new Map([[retried, 1234]]));
    const c = replay.next('Price', { sku: 'C' });
    const a = replay.next('Price', { sku: 'A' });
    const attempt1 = replay.next('Reserve', { order: 1 });
    const attempt2 = replay.next('Reserve', { order: 1 });
    const attempt3 = replay.next('Reserve', { order: 1 });

    // Assess
    expect(c.outcome).toEqual(succeeded(67));
    expect(a.outcome).toEqual(succeeded(65));
    expect(attempt1.outcome).toEqual({ status: 'failed', error: 'Busy', cause: '{}' });
    expect(attempt2.outcome).toEqual(succeeded(1));
    expect(attempt2.startedAt).toBe(1234);
    expect(attempt3.outcome).toBeUndefined();
  });

  it('finds a recorded start without an outcome (a wait that was pending)', () => {
    // Prepare
    const first = new ReplayBook();
    const { key } = first.next('Approve', { token: '__marker__' });
    first.recordStart(key, 42);

    // Act
    const replay = new ReplayBook(new Map(), new Map([[key, 42]])).next('Approve', { token: '__marker__' });

    // Assess
    expect(replay).toEqual({ key, startedAt: 42 });
  });
});
