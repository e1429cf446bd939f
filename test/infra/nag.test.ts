import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { createApp } from '../../infra/aws/create-app';
import { addNagChecks } from '../../infra/aws/nag';
import { cdkJsonContext } from './stack-template';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every acknowledgement recorded in the construct tree. */
function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          // aws-cdk-lib records ids without a well-known prefix as `Annotation::<id>`.
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

const context = () => ({ ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] });

describe('cdk-nag AwsSolutions checks', () => {
  // Prepare. CDK's built-in CloudFormation validation costs ~5 s of CPU here; `cdk synth` runs it.
  const { app } = createApp({ context: context(), builtinCloudFormationValidation: false });

  it('fail app.synth() on an unacknowledged finding (cdk-nag 3 runs as a validation plugin)', () => {
    // Prepare
    const probe = new App({ context: context(), builtinCloudFormationValidation: false });
    new Queue(new Stack(probe, 'Probe'), 'UnencryptedQueueWithoutDeadLetters');
    addNagChecks(probe);
    // Act
    const synth = () => probe.synth();
    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS3/);
  });

  it('leave no unacknowledged finding on the app', () => {
    // Act
    const synth = () => app.synth();
    // Assess
    expect(synth).not.toThrow();
  });

  it('have a real reason for every acknowledgement', () => {
    // Act
    const found = acknowledgements(app);
    // Assess
    expect(found.length).toBeGreaterThan(0);
    for (const acknowledgement of found) {
      expect(acknowledgement.id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      expect(acknowledgement.reason.trim().length).toBeGreaterThan(20);
    }
  });

  it('acknowledge only findings that are really there, at the construct that has them', () => {
    // Prepare
    const acknowledged = acknowledgements(app);
    const spy = jest.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);
    const { app: unacknowledged } = createApp({ context: context(), builtinCloudFormationValidation: false });
    spy.mockRestore();
    // Synthesis resolves references into nested stacks (their parameters are what findings name);
    // it then fails on the findings, which are read next.
    expect(() => unacknowledged.synth()).toThrow(/AwsSolutions/);
    // Act
    const report = new AwsSolutionsChecks().validateScope(unacknowledged);
    // Assess
    for (const { path, id } of acknowledged) {
      const matching = report.violations
        .filter((violation) => violation.ruleName === id)
        .flatMap((violation) => violation.violatingResources)
        .filter(
          (violating) => violating.constructPath === path || violating.constructPath?.startsWith(`${path}/`),
        );
      expect({ path, id, found: matching.length > 0 }).toEqual({ path, id, found: true });
    }
  });
});
