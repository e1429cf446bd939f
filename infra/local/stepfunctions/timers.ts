/** Node timers overflow past ~24.8 days; longer delays are chained. */
const MAX_TIMER_MS = 2_147_483_647;

/** Calls `fire` at `dueAt` (epoch ms); returns a cancel function. */
export function timerAt(dueAt: number, fire: () => void): () => void {
  let handle: NodeJS.Timeout | undefined;
  const arm = (): void => {
    const delay = dueAt - Date.now();
    handle = delay > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fire, Math.max(0, delay));
  };
  arm();
  return () => clearTimeout(handle);
}

/** Resolves at `dueAt`; rejects with the signal's reason when it aborts first. */
export function sleepUntil(dueAt: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      cancel();
      reject(signal.reason);
    };
    const cancel = timerAt(dueAt, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles like `work`, unless the deadline passes (rejects with `onTimeout()`) or the signal aborts first. */
export function within<T>(
  work: Promise<T>,
  options: { dueAt?: number; onTimeout?: () => Error; signal: AbortSignal },
): Promise<T> {
  const { dueAt, signal } = options;
  const onTimeout = options.onTimeout ?? (() => new Error('timed out'));
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const cancelTimer =
      dueAt === undefined ? () => {} : timerAt(dueAt, () => finish(() => reject(onTimeout())));
    const onAbort = (): void => finish(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    let done = false;
    function finish(settle: () => void): void {
      if (done) return;
      done = true;
      cancelTimer();
      signal.removeEventListener('abort', onAbort);
      settle();
    }
    work.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** A macrotask turn: every pending microtask (the engine's event delivery among them) has run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Epoch ms when `seconds` of ASL time have passed since `from`, at `timeScale`. */
export function scaledDue(from: number, seconds: number, timeScale: number): number {
  return from + (seconds * 1000) / timeScale;
}
