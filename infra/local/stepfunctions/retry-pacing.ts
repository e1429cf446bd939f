/**
 * Retry intervals come from the definition (already scaled), except after a failure answered from
 * history: a replay does not sit through the interval again. The engine reads these overrides by state
 * name right after the failure, so a proxy answers 0 while that state's last outcome was replayed.
 */
export class RetryPacing {
  private readonly replayedFailures = new Set<string>();

  readonly overrides: Record<string, number> = new Proxy<Record<string, number>>(
    {},
    {
      get: (_target, stateName) =>
        typeof stateName === 'string' && this.replayedFailures.has(stateName) ? 0 : undefined,
    },
  );

  replayed(stateName: string, failed: boolean): void {
    if (failed) this.replayedFailures.add(stateName);
    else this.replayedFailures.delete(stateName);
  }

  live(stateName: string): void {
    this.replayedFailures.delete(stateName);
  }
}
