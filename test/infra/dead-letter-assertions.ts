import { Match, type Template } from 'aws-cdk-lib/assertions';
import { resource } from './template-inventory';

/** A dead-letter queue keeps 14 days of messages, encrypted, and refuses requests without TLS. */
export function expectDeadLetterQueue(template: Template, queueLogicalId: string): void {
  expect(resource(template, queueLogicalId).Properties).toMatchObject({
    MessageRetentionPeriod: 14 * 24 * 3600,
    SqsManagedSseEnabled: true,
  });
  template.hasResourceProperties('AWS::SQS::QueuePolicy', {
    Queues: [{ Ref: queueLogicalId }],
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    },
  });
}
