import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { WorkflowCallbacks } from '../ports/workflow-callbacks';

/** SendTaskSuccess/SendTaskFailure; a closed or unknown token is an answer (false), not an error. */
export function makeSfnWorkflowCallbacks(client: SFNClient): WorkflowCallbacks {
  const closed = (error: unknown) =>
    error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken;
  return {
    async succeed(token, output) {
      try {
        await client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
        return true;
      } catch (error) {
        if (closed(error)) return false;
        throw error;
      }
    },
    async fail(token, error, cause) {
      try {
        await client.send(
          new SendTaskFailureCommand({ taskToken: token, error, cause: cause.slice(0, 32_000) }),
        );
        return true;
      } catch (failure) {
        if (closed(failure)) return false;
        throw failure;
      }
    },
  };
}
