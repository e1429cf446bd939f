import type { JournalLine } from '../../../../infra/local/eventbridge/delivery-journal';
import {
  DeliveryQueue,
  type LocalRuleTarget,
  type RouteRecord,
} from '../../../../infra/local/eventbridge/delivery-queue';
import type { EventBridgeEvent } from '../../../../infra/local/eventbridge/put-events';

/** The queue's side of durability: what it journals, how it resumes, and what close leaves pending. */
const event: EventBridgeEvent = {
  version: '0',
  id: 'e1',
  'detail-type': 'OrderConfirmed',
  source: 'tradeflow.orders',
  account: '000000000000',
  time: '2024-05-01T10:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { version: 1 },
};
const target: LocalRuleTarget = { id: 'notify-buyer', retryAttempts: 2, maximumEventAgeSeconds: 3600 };
const route = (attempts = 0): RouteRecord => ({
  rule: 'order-confirmed',
  targetId: 'notify-buyer',
  status: 'pending',
  attempts,
});

function queueWith(deliver: () => Promise<void>, timeScale = 1000) {
  const lines: JournalLine[] = [];
  const queue = new DeliveryQueue({
    deliver,
    timeScale,
    log: () => undefined,
    random: () => 0,
    journal: { append: (appended) => lines.push(...appended) },
  });
  return { queue, lines };
}

describe('DeliveryQueue with a journal', () => {
  it('journals each failed attempt it retries, then the delivery', async () => {
    // Prepare
    let calls = 0;
    const { queue, lines } = queueWith(async () => {
      calls++;
      if (calls < 3) throw new Error('down');
    });

    // Act
    queue.enqueue(event, target, route());
    await queue.idle();

    // Assess
    expect(lines.map((line) => [line.kind, 'attempts' in line ? line.attempts : undefined])).toEqual([
      ['attempted', 1],
      ['attempted', 2],
      ['delivered', 3],
    ]);
    expect(lines[0]).toMatchObject({
      eventId: 'e1',
      rule: 'order-confirmed',
      targetId: 'notify-buyer',
      lastError: 'Error: down',
      nextAttemptAt: expect.any(Number),
    });
  });

  it('journals a dead letter with the whole event', async () => {
    // Prepare
    const { queue, lines } = queueWith(async () => {
      throw new Error('down');
    });

    // Act
    queue.enqueue(event, { ...target, retryAttempts: 0 }, route());
    await queue.idle();

    // Assess
    expect(lines).toEqual([
      {
        kind: 'dead-lettered',
        deadLetter: expect.objectContaining({
          event,
          attempts: 1,
          exhaustedRetryCondition: 'MaximumRetryAttempts',
        }),
      },
    ]);
  });

  it('resumes a delivery with the attempts it had, and dead-letters it when they run out', async () => {
    // Prepare
    const { queue } = queueWith(async () => {
      throw new Error('still down');
    });
    const resumed = route(2);

    // Act
    queue.resume(event, target, resumed, { firstAttemptAt: Date.now(), nextAttemptAt: Date.now() });
    await queue.idle();

    // Assess
    expect(resumed).toMatchObject({ status: 'dead-lettered', attempts: 3 });
    expect(queue.deadLetters[0]).toMatchObject({
      attempts: 3,
      exhaustedRetryCondition: 'MaximumRetryAttempts',
    });
  });

  it('waits for a retry that is not due yet', async () => {
    // Prepare
    const deliveredAt: number[] = [];
    const { queue } = queueWith(async () => {
      deliveredAt.push(Date.now());
    }, 1);
    const due = Date.now() + 60;

    // Act
    queue.resume(event, target, route(1), { firstAttemptAt: Date.now(), nextAttemptAt: due });
    await queue.idle();

    // Assess
    expect(deliveredAt).toHaveLength(1);
    expect(deliveredAt[0]).toBeGreaterThanOrEqual(due - 5);
  });

  it('dead-letters, without an attempt, a delivery that grew too old while stopped', async () => {
    // Prepare
    const deliver = jest.fn(async () => undefined);
    const { queue, lines } = queueWith(deliver, 1);
    const tooOld = Date.now() - (target.maximumEventAgeSeconds + 1) * 1000;

    // Act
    queue.resume(event, target, route(0), { firstAttemptAt: tooOld });
    await queue.idle();

    // Assess
    expect(deliver).not.toHaveBeenCalled();
    expect(queue.deadLetters).toEqual([
      expect.objectContaining({
        attempts: 0,
        exhaustedRetryCondition: 'MaximumEventAgeInSeconds',
        lastError: expect.stringContaining('EventExpired'),
      }),
    ]);
    expect(lines.map((line) => line.kind)).toEqual(['dead-lettered']);
  });

  it('dead-letters a delivery whose target is gone, with no exhausted-retry condition', async () => {
    // Prepare
    const { queue, lines } = queueWith(async () => undefined);

    // Act
    queue.deadLetterUnroutable(event, route(1), 'ResourceNotFoundException: no rule order-confirmed');
    await queue.idle();

    // Assess
    expect(queue.deadLetters[0]).toMatchObject({
      attempts: 1,
      lastError: 'ResourceNotFoundException: no rule order-confirmed',
    });
    expect(queue.deadLetters[0]).not.toHaveProperty('exhaustedRetryCondition');
    expect(lines.map((line) => line.kind)).toEqual(['dead-lettered']);
  });

  it('on close, neither counts nor journals an attempt that fails afterwards, nor runs scheduled retries', async () => {
    // Prepare
    let failRunning: (error: Error) => void = () => undefined;
    let calls = 0;
    const { queue, lines } = queueWith(
      () =>
        new Promise<void>((_resolve, reject) => {
          calls++;
          failRunning = reject;
        }),
    );
    const running = route();
    queue.enqueue(event, target, running);
    await new Promise((resolve) => setTimeout(resolve, 5));

    // Act
    queue.close();
    failRunning(new Error('function stopped'));
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Assess
    expect(calls).toBe(1);
    expect(running.status).toBe('abandoned');
    expect(queue.counts).toEqual({ delivered: 0, failedAttempts: 0, deadLettered: 0 });
    expect(lines).toEqual([]);
  });
});
