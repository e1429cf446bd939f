import { ConcurrentUpdateError, NotFoundError } from '../../../shared/errors';
import { conflictBackoffMs, retryOnConflict } from '../../../shared/use-cases/retry-on-conflict';

describe('retrying a write that lost a version race', () => {
  it('tries again after a jittered pause until the write wins', async () => {
    // Prepare
    const pauses: number[] = [];
    let tries = 0;

    // Act
    const result = await retryOnConflict(
      async () => {
        tries++;
        if (tries < 3) throw new ConcurrentUpdateError('changed since it was read');
        return 'saved';
      },
      6,
      async (ms) => {
        pauses.push(ms);
      },
    );

    // Assess
    expect(result).toBe('saved');
    expect(tries).toBe(3);
    expect(pauses).toHaveLength(2);
  });

  it('gives up after the last attempt with the conflict, and never retries another error', async () => {
    // Prepare
    let tries = 0;
    const noPause = async () => undefined;

    // Act
    const conflict = retryOnConflict(
      async () => {
        tries++;
        throw new ConcurrentUpdateError('changed since it was read');
      },
      4,
      noPause,
    );
    await expect(conflict).rejects.toBeInstanceOf(ConcurrentUpdateError);
    const missing = retryOnConflict(
      async () => {
        throw new NotFoundError('order x not found');
      },
      4,
      noPause,
    );

    // Assess
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    expect(tries).toBe(4);
  });

  it('spreads pauses over a window that doubles from 20 ms up to 200 ms', () => {
    // Act
    const ceilings = [1, 2, 3, 4, 5, 6].map((tried) => conflictBackoffMs(tried, () => 1));

    // Assess
    expect(ceilings).toEqual([20, 40, 80, 160, 200, 200]);
    expect(conflictBackoffMs(3, () => 0)).toBe(0);
  });
});
