import { makeInMemoryOnceLog } from '../../../shared/adapters/in-memory/side-effects';
import { SideEffectInProgressError } from '../../../shared/ports/once';
import { doOnce } from '../../../shared/use-cases/do-once';

describe('doing a side effect once, and never losing it', () => {
  let now = 0;
  const world = () => {
    now = 1_000_000;
    const once = makeInMemoryOnceLog(() => now);
    let effects = 0;
    const effect = async () => {
      effects++;
    };
    return { once, effect, effects: () => effects };
  };

  it('does it once, and answers "before" to a redelivery', async () => {
    // Prepare
    const w = world();

    // Act
    const outcomes = [
      await doOnce(w.once, 'ORDER#1', 'email:a', { remainingMs: 20_000 }, w.effect),
      await doOnce(w.once, 'ORDER#1', 'email:a', { remainingMs: 20_000 }, w.effect),
    ];

    // Assess
    expect(outcomes).toEqual(['now', 'before']);
    expect(w.effects()).toBe(1);
  });

  it('makes a delivery that arrives while another is doing it retry, instead of dropping it', async () => {
    // Prepare: the first delivery claimed and is still sending.
    const w = world();
    await w.once.claim('ORDER#1', 'email:a', 21_000);

    // Act
    const concurrent = doOnce(w.once, 'ORDER#1', 'email:a', { remainingMs: 20_000 }, w.effect);

    // Assess
    await expect(concurrent).rejects.toBeInstanceOf(SideEffectInProgressError);
    expect(w.effects()).toBe(0);
  });

  it('does it when the claimant died before doing it: its lease (its remaining time) ran out', async () => {
    // Prepare: claimed by a delivery that was then killed (no complete, no release).
    const w = world();
    await w.once.claim('ORDER#1', 'email:a', 20_000 + 1_000);
    now += 21_001;

    // Act
    const outcome = await doOnce(w.once, 'ORDER#1', 'email:a', { remainingMs: 20_000 }, w.effect);

    // Assess
    expect(outcome).toBe('now');
    expect(w.effects()).toBe(1);
  });

  it('gives the key back when the effect fails, so the retry does it', async () => {
    // Prepare
    const w = world();
    const failing = async () => {
      throw new Error('throttled');
    };

    // Act
    await expect(doOnce(w.once, 'ORDER#1', 'email:a', undefined, failing)).rejects.toThrow('throttled');
    const retried = await doOnce(w.once, 'ORDER#1', 'email:a', undefined, w.effect);

    // Assess
    expect(retried).toBe('now');
    expect(w.effects()).toBe(1);
  });
});
