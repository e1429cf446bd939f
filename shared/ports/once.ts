/**
 * Remembers that a side effect (an email, a webhook) was done for a change, so a redelivered event
 * does not do it twice.
 */
export interface OnceLog {
  /** Returns true if the caller now owns `key` (first time), false if it was claimed before. */
  claim(scope: string, key: string): Promise<boolean>;
  /** Gives the claim back after the side effect failed, so a retry can do it. */
  release(scope: string, key: string): Promise<void>;
}
