import { Match } from 'aws-cdk-lib/assertions';
import { topology } from '../../infra/topology';
import { isConsoleResource } from './console-resources';
import { synthesizeTemplate } from './stack-template';
import {
  propertiesOf,
  referencedId,
  resource,
  resourcesOfType,
  templateInventory,
} from './template-inventory';

describe('S3 buckets', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);
  const declared = Object.values(topology.buckets);
  const logging = propertiesOf(template, inventory.buckets[declared[0].name]).LoggingConfiguration as {
    DestinationBucketName: unknown;
  };
  const accessLogBucket = referencedId(logging.DestinationBucketName);

  it('has one bucket per topology bucket, plus the access-log bucket', () => {
    // Assess
    expect(Object.keys(inventory.buckets).sort()).toEqual(Object.keys(topology.buckets).sort());
    // (The staff console's buckets are test/infra/console.test.ts's.)
    const buckets = resourcesOfType(template, 'AWS::S3::Bucket').filter(
      ([, bucket]) => !isConsoleResource(bucket),
    );
    expect(buckets).toHaveLength(declared.length + 1);
  });

  describe.each([...declared.map((spec) => spec.name), 'access logs'])('%s', (name) => {
    // Act
    const id = inventory.buckets[name] ?? accessLogBucket;
    const bucket = resource(template, id);

    it('is encrypted, versioned, private and retained', () => {
      // Assess
      expect(bucket.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
      });
      expect(bucket.DeletionPolicy).toBe('Retain');
    });

    it('refuses requests without TLS', () => {
      // Assess
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });
  });

  it.each(declared)('$name logs its requests to the access-log bucket', (spec) => {
    // Assess
    expect(resource(template, inventory.buckets[spec.name]).Properties?.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: accessLogBucket },
      LogFilePrefix: `${spec.name}/`,
    });
    expect(resourcesOfType(template, 'AWS::S3::Bucket').map(([id]) => id)).toContain(accessLogBucket);
  });
});
