/**
 * An event pattern EventBridge would refuse (PutRule and TestEventPattern answer
 * InvalidEventPatternException). The message follows AWS' "Event pattern is not valid. Reason: ..."
 * and names where in the pattern the problem is.
 */
export class InvalidEventPatternError extends Error {
  readonly code = 'InvalidEventPatternException';

  constructor(
    readonly reason: string,
    readonly at?: string,
    options?: { cause?: unknown },
  ) {
    super(`Event pattern is not valid. Reason: ${reason}${at ? ` (at ${at})` : ''}`, options);
    this.name = 'InvalidEventPatternError';
  }
}
