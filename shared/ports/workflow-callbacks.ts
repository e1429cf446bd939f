/**
 * Ends a workflow wait (`.waitForTaskToken`). Returns false when the token is no longer open (the
 * wait timed out and was re-entered with a new token, or it already ended): the new wait's start
 * then sees the order's state and ends itself, so the caller needs to do nothing more.
 */
export interface WorkflowCallbacks {
  succeed(token: string, output: Record<string, unknown>): Promise<boolean>;
  fail(token: string, error: string, cause: string): Promise<boolean>;
}
