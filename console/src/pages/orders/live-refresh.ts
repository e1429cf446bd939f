/**
 * When the live feed says an order changed, read it again, and again a little later: the step that
 * enters a wait (credit hold, deposit, stock, packing) sets the order's status without an event of
 * its own, a Lambda call after the event that led there, so a read right after the event may come
 * too early. A new event starts the sequence over; reads never overlap. And every SAFETY_READ_MS
 * while the page is open, in case a change came with no event at all (or while the feed was down).
 */
export const REREAD_AFTER_MS = [400, 2500, 8000, 20_000] as const;
export const SAFETY_READ_MS = 60_000;

export function liveRefresh(
  read: () => Promise<void>,
  onError: (error: unknown) => void,
  delays: readonly number[] = REREAD_AFTER_MS,
): { changed(): void; stop(): void } {
  let timers: ReturnType<typeof setTimeout>[] = [];
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(read).catch(onError);
  };
  const safety = setInterval(run, SAFETY_READ_MS);
  const clear = () => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };
  return {
    changed() {
      clear();
      timers = delays.map((delay) => setTimeout(run, delay));
    },
    stop() {
      clear();
      clearInterval(safety);
    },
  };
}
