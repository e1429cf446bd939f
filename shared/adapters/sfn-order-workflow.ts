import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { OrderWorkflow } from '../ports/workflow';

/** Starts one Standard execution per order, named after the order (execution-name idempotency). */
export function makeSfnOrderWorkflow(client: SFNClient, stateMachineArn: string): OrderWorkflow {
  return {
    async start(orderId, input) {
      try {
        const result = await client.send(
          new StartExecutionCommand({ stateMachineArn, name: orderId, input: JSON.stringify(input) }),
        );
        return result.executionArn!;
      } catch (error) {
        // Same name, other input: the order already has its execution, which is what we wanted.
        if (error instanceof ExecutionAlreadyExists) return executionArnFor(stateMachineArn, orderId);
        throw error;
      }
    },
  };
}

export function executionArnFor(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}
