import type { WorkflowCallbacks } from '../../ports/workflow-callbacks';

/** For unit tests: records what was sent; tokens listed in `closed` answer false. */
export function makeRecordingCallbacks(closed: string[] = []) {
  const succeeded: { token: string; output: Record<string, unknown> }[] = [];
  const failed: { token: string; error: string; cause: string }[] = [];
  const callbacks: WorkflowCallbacks = {
    async succeed(token, output) {
      if (closed.includes(token)) return false;
      succeeded.push({ token, output });
      return true;
    },
    async fail(token, error, cause) {
      if (closed.includes(token)) return false;
      failed.push({ token, error, cause });
      return true;
    },
  };
  return Object.assign(callbacks, { succeeded, failed });
}
