import { CfnOutput } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { pascalCase } from './names';

export interface OutputSources {
  api: RestApi;
  bus: EventBus;
  workflows: Record<string, StateMachine>;
}

/** What an operator or a smoke test needs after `cdk deploy`. */
export function addOutputs(scope: Construct, sources: OutputSources): void {
  // RestApi adds the same URL as an output with a hashed id; a stable name is easier to script.
  sources.api.node.tryRemoveChild('Endpoint');
  new CfnOutput(scope, 'ApiUrl', { value: sources.api.url, description: 'Base URL of the API stage' });
  new CfnOutput(scope, 'EventBusName', { value: sources.bus.eventBusName });
  for (const [name, machine] of Object.entries(sources.workflows)) {
    new CfnOutput(scope, `${pascalCase(name)}StateMachineArn`, { value: machine.stateMachineArn });
  }
}
