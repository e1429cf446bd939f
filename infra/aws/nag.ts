import { type App, Validations } from 'aws-cdk-lib';
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
