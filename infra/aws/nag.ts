import { type App, type CfnElement, Names, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs the AWS Solutions rules at synth: an unacknowledged finding fails `app.synth()` (cdk-nag 3). */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one cdk-nag finding on one construct (and what it contains). Call it on the narrowest
 * construct that causes the finding, with the reason it is acceptable.
 */
export function acknowledge(construct: IConstruct, id: string, reason: string): void {
  if (reason.trim() === '') throw new Error(`cdk-nag acknowledgement ${id} needs a reason`);
  Validations.of(construct).acknowledge({ id, reason });
}

/**
 * How cdk-nag names a resource's Ref or ARN in a finding about `from` (e.g. `<Table1234.Arn>` in
 * `AwsSolutions-IAM5[Resource::<Table1234.Arn>/index/*]`): by its logical id in the same stack; in a
 * nested stack, by the parameter the parent passes the value in.
 */
export function nameInFinding(resource: CfnElement, from: IConstruct, attribute: 'Ref' | 'Arn'): string {
  if (Stack.of(resource) !== Stack.of(from))
    return `<referenceto${Names.nodeUniqueId(resource.node)}${attribute}>`;
  const logicalId = Stack.of(resource).getLogicalId(resource);
  return attribute === 'Ref' ? `<${logicalId}>` : `<${logicalId}.Arn>`;
}
