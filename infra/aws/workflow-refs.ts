import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Topology } from '../topology/types';

export interface WorkflowRef {
  stateMachineName: string;
  stateMachineArn: string;
  /** Every execution of the machine (executions are named per order, so unknown at deploy time). */
  executionsArn: string;
}

/**
 * State machine names and ARNs, known before the machines exist. Functions get these instead of the
 * machine's Ref, so a function a workflow invokes may also start or answer that workflow without a
 * circular dependency (function → machine ARN → function ARN).
 */
export function workflowRefs(scope: Construct, topology: Topology): Record<string, WorkflowRef> {
  const stack = Stack.of(scope);
  const refs: Record<string, WorkflowRef> = {};
  for (const spec of Object.values(topology.workflows)) {
    const stateMachineName = `${topology.service}-${spec.name}`;
    const arn = (resource: string, resourceName: string) =>
      stack.formatArn({
        service: 'states',
        resource,
        resourceName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    refs[spec.name] = {
      stateMachineName,
      stateMachineArn: arn('stateMachine', stateMachineName),
      executionsArn: arn('execution', `${stateMachineName}:*`),
    };
  }
  return refs;
}
