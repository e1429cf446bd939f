import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketSpec } from '../topology/types';
import { pascalCase } from './names';
import { tagWithTopologyName } from './tags';

const privateBucket = {
  encryption: BucketEncryption.S3_MANAGED,
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  versioned: true,
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

/** One private bucket per topology entry, each logging its requests to a shared access-log bucket. */
export function buildBuckets(scope: Construct, specs: Record<string, BucketSpec>): Record<string, Bucket> {
  const group = new Construct(scope, 'Storage');
  const buckets: Record<string, Bucket> = {};
  if (Object.keys(specs).length === 0) return buckets;

  const accessLogs = new Bucket(group, 'AccessLogs', {
    ...privateBucket,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // A year of request history (with margin) is enough for audits; older logs only cost money.
    lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
  });

  for (const spec of Object.values(specs)) {
    const bucket = new Bucket(group, pascalCase(spec.name), {
      ...privateBucket,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${spec.name}/`,
    });
    tagWithTopologyName(bucket, 'bucket', spec.name);
    buckets[spec.name] = bucket;
  }
  return buckets;
}
