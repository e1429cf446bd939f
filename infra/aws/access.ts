import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { FunctionAccess, Topology, WorkflowAccess } from '../topology/types';
import type { BuiltEmailIdentity } from './email';
import { acknowledge, nameInFinding } from './nag';
import type { WorkflowRef } from './workflow-refs';

export interface AccessTargets {
  topology: Topology;
  tables: Record<string, Table>;
  buckets: Record<string, Bucket>;
  bus: EventBus;
  email: Record<string, BuiltEmailIdentity>;
  workflows: Record<string, WorkflowRef>;
}

/**
 * S3 object actions: handlers read and write documents by key, never delete them. A reader may also
 * list the bucket (below): the trade documents' versions are found by listing an order's prefix.
 */
const bucketActions = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject', 's3:AbortMultipartUpload'],
  readwrite: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
} as const;

const workflowActions: Record<WorkflowAccess, (ref: WorkflowRef) => PolicyStatement> = {
  start: (ref) =>
    new PolicyStatement({ actions: ['states:StartExecution'], resources: [ref.stateMachineArn] }),
  // Task tokens are checked against the machine that issued them.
  callback: (ref) =>
    new PolicyStatement({
      actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
      resources: [ref.stateMachineArn],
    }),
  read: (ref) =>
    new PolicyStatement({
      actions: ['states:DescribeExecution', 'states:GetExecutionHistory'],
      resources: [ref.executionsArn],
    }),
};

/**
 * Grants a function's role exactly what its `access` declares, nothing else. Each wildcard a grant
 * needs is acknowledged here, where it is made, with the reason it cannot be narrower.
 */
export function grantAccess(role: Role, access: FunctionAccess, targets: AccessTargets): void {
  const policy = () => role.node.findChild('DefaultPolicy');
  const arnInFinding = (resource: Table | Bucket) =>
    nameInFinding(resource.node.defaultChild as CfnElement, role, 'Arn');

  for (const [name, mode] of Object.entries(access.tables ?? {})) {
    const table = targets.tables[name];
    if (!table) throw new Error(`Unknown table ${name}`);
    if (mode === 'read') table.grantReadData(role);
    else if (mode === 'write') table.grantWriteData(role);
    else table.grantReadWriteData(role);
    if (targets.topology.tables[name].indexes.length > 0) {
      acknowledge(
        policy(),
        `AwsSolutions-IAM5[Resource::${arnInFinding(table)}/index/*]`,
        `Queries the GSIs of the ${name} table only: index/* is scoped to that one table's indexes.`,
      );
    }
  }

  for (const [name, mode] of Object.entries(access.buckets ?? {})) {
    const bucket = targets.buckets[name];
    if (!bucket) throw new Error(`Unknown bucket ${name}`);
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...bucketActions[mode]], resources: [bucket.arnForObjects('*')] }),
    );
    if (mode !== 'write') {
      role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
      );
    }
    acknowledge(
      policy(),
      `AwsSolutions-IAM5[Resource::${arnInFinding(bucket)}/*]`,
      `Document keys are per order and made at run time; the grant is limited to objects of the ${name} bucket.`,
    );
  }

  if (access.bus) targets.bus.grantPutEventsTo(role);

  for (const [name, modes] of Object.entries(access.workflows ?? {})) {
    const ref = targets.workflows[name];
    if (!ref) throw new Error(`Unknown workflow ${name}`);
    for (const mode of modes) role.addToPrincipalPolicy(workflowActions[mode](ref));
    if (modes.includes('read')) {
      acknowledge(
        policy(),
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${ref.stateMachineName}:*]`,
        `Executions are named per order at run time; the grant covers executions of ${ref.stateMachineName} only.`,
      );
    }
  }

  if (access.usagePlanKeys?.length) {
    // API Gateway's management ARNs carry no account. The plan is found by name and keys are made at
    // run time, so neither id is known here (nor could be: the plan depends on the API, which
    // depends on this function): the grants name the collections, not items.
    const stack = Stack.of(role);
    const arn = (path: string) => `arn:${stack.partition}:apigateway:${stack.region}::${path}`;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['apigateway:GET'],
        resources: [arn('/usageplans'), arn('/apikeys'), arn('/usageplans/*/keys/*')],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['apigateway:POST'],
        resources: [arn('/apikeys'), arn('/usageplans/*/keys')],
      }),
    );
    for (const wildcard of ['/usageplans/*/keys/*', '/usageplans/*/keys']) {
      acknowledge(
        policy(),
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:apigateway:<AWS::Region>::${wildcard}]`,
        'Adds a new storefront key to the storefronts usage plan, found by name at run time: its id cannot be given to the function without a deploy-time cycle (plan -> stage -> method -> function).',
      );
    }
  }

  for (const name of access.email ?? []) {
    const sender = targets.email[name];
    if (!sender) throw new Error(`Unknown email identity ${name}`);
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [sender.identity.emailIdentityArn, sender.configurationSetArn],
      }),
    );
  }
}
