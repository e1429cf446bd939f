import { CfnOutput } from 'aws-cdk-lib';
import type { RestApi, UsagePlan } from 'aws-cdk-lib/aws-apigateway';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { pascalCase } from './names';
import type { BuiltStaffSignIn } from './staff-user-pool';

export interface OutputSources {
  api: RestApi;
  /** By topology name. */
  usagePlans: Record<string, UsagePlan>;
  /** By topology name. */
  tables: Record<string, Table>;
  bus: EventBus;
  workflows: Record<string, StateMachine>;
  staff: BuiltStaffSignIn;
}

/** What an operator, a smoke test or `npm run credentials` needs after `cdk deploy`. */
export function addOutputs(scope: Construct, sources: OutputSources): void {
  // RestApi adds the same URL as an output with a hashed id; a stable name is easier to script.
  sources.api.node.tryRemoveChild('Endpoint');
  new CfnOutput(scope, 'ApiUrl', { value: sources.api.url, description: 'Base URL of the API stage' });
  new CfnOutput(scope, 'ApiId', { value: sources.api.restApiId, description: 'The REST API id' });
  new CfnOutput(scope, 'EventBusName', { value: sources.bus.eventBusName });
  for (const [name, machine] of Object.entries(sources.workflows)) {
    new CfnOutput(scope, `${pascalCase(name)}StateMachineArn`, { value: machine.stateMachineArn });
  }

  // `npm run credentials` reads these: it puts storefront keys in the access table and in the
  // storefronts usage plan.
  const access = sources.tables.access;
  if (!access)
    throw new Error('The topology has no access table, which the authorizer reads credentials from');
  new CfnOutput(scope, 'AccessTableName', {
    value: access.tableName,
    description: 'Storefront API keys, by SHA-256 of their secret',
  });
  for (const [name, plan] of Object.entries(sources.usagePlans)) {
    new CfnOutput(scope, `${pascalCase(name)}UsagePlanId`, {
      value: plan.usagePlanId,
      description: `The ${name} usage plan`,
    });
  }

  // Staff sign in here: an admin adds people (`aws cognito-idp admin-create-user`) and their group.
  new CfnOutput(scope, 'StaffUserPoolId', {
    value: sources.staff.pool.userPoolId,
    description: 'The staff user pool: one group per role',
  });
  new CfnOutput(scope, 'StaffUserPoolClientId', {
    value: sources.staff.client.userPoolClientId,
    description: 'The staff console and CLI client (no secret; SRP, or admin auth with IAM credentials)',
  });
}
