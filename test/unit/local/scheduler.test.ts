import { LocalScheduler, rateMs } from '../../../infra/local/scheduler/local-scheduler';

describe('the local scheduler', () => {
  it('reads rate expressions and refuses what it cannot run', () => {
    expect(rateMs('rate(15 minutes)')).toBe(900_000);
    expect(rateMs('rate(1 hour)')).toBe(3_600_000);
    expect(rateMs('rate(2 days)')).toBe(172_800_000);
    expect(() => rateMs('cron(0 12 * * ? *)')).toThrow(/only rate/);
  });

  it('fires a schedule now with its input and keeps the run', async () => {
    // Prepare
    const calls: [string, unknown][] = [];
    const scheduler = new LocalScheduler(
      [
        {
          name: 'sweep',
          description: '',
          expression: 'rate(15 minutes)',
          function: 'sweeper',
          input: { a: 1 },
          retryAttempts: 0,
          maximumEventAgeSeconds: 60,
        },
      ],
      async (fn, event) => {
        calls.push([fn, event]);
        return { examined: 0 };
      },
      1,
    );

    // Act
    const run = await scheduler.fire('sweep');

    // Assess
    expect(calls).toEqual([['sweeper', { a: 1 }]]);
    expect(run).toMatchObject({ schedule: 'sweep', ok: true, trigger: 'manual', result: { examined: 0 } });
    expect(scheduler.history()).toHaveLength(1);
    await expect(scheduler.fire('nope')).rejects.toThrow(/no schedule named nope/);
  });

  it('runs timers compressed by the time scale', async () => {
    // Prepare
    let calls = 0;
    const scheduler = new LocalScheduler(
      [
        {
          name: 's',
          description: '',
          expression: 'rate(1 minute)',
          function: 'f',
          retryAttempts: 0,
          maximumEventAgeSeconds: 60,
        },
      ],
      async () => {
        calls++;
      },
      60_000 / 20, // one minute every 20 ms
    );

    // Act: on jest's clock, so a busy machine cannot starve the timer
    jest.useFakeTimers();
    try {
      scheduler.start();
      await jest.advanceTimersByTimeAsync(65);
      scheduler.stop();
      await jest.advanceTimersByTimeAsync(100);
    } finally {
      jest.useRealTimers();
    }

    // Assess: fired at 20, 40 and 60 ms, and not after stop
    expect(calls).toBe(3);
    expect(scheduler.history().every((run) => run.trigger === 'timer')).toBe(true);
  });

  it('retries a failed run as the retry policy says, then keeps the failure', async () => {
    // Prepare
    let calls = 0;
    const scheduler = new LocalScheduler(
      [
        {
          name: 's',
          description: '',
          expression: 'rate(1 hour)',
          function: 'f',
          retryAttempts: 2,
          maximumEventAgeSeconds: 300,
        },
      ],
      async () => {
        calls++;
        throw new Error('throttled');
      },
      1000, // backoff of 1 s, 2 s runs in 1 ms, 2 ms
    );

    // Act
    const run = await scheduler.fire('s');

    // Assess
    expect(calls).toBe(3);
    expect(run).toMatchObject({ ok: false, attempts: 3, error: 'throttled' });
  });
});
