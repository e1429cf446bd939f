import { type CfnElement, DockerImage, Names, NestedStack, type NestedStackProps, Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { ConsoleConfig } from '../../../console/src/shell/console-config';
import { buildConsoleInto, CONSOLE_SRC } from '../../console/build-console';
import { acknowledge } from '../nag';
import { tagAsConsole } from './console-tag';

export interface ConsoleContentProps extends NestedStackProps {
  service: string;
  bucket: IBucket;
  distribution: IDistribution;
  /** What `config.json` tells the console (deploy-time values: the client id, the URLs). */
  config: ConsoleConfig;
}

/**
 * The console's files in its bucket: the bundle, built with esbuild on this machine while the app
 * synthesizes (no Docker), and `config.json` with the API path, the feed and the hosted UI's
 * settings. Every deploy replaces both and invalidates the distribution's copies. Its own nested
 * stack: `config.json` needs the user pool client, whose callback URL needs the distribution.
 */
/**
 * How cdk-nag names, in this stack, the ARN of a resource of a sibling nested stack: by the parameter
 * the parent passes, named after the sibling's output.
 */
function nestedOutputInFinding(bucket: IBucket): string {
  const resource = bucket.node.defaultChild as CfnElement;
  const sibling = Stack.of(resource) as NestedStack;
  const stackResource = sibling.nestedStackResource;
  if (!stackResource) throw new Error('The console bucket is expected in a nested stack');
  return `<referenceto${Names.nodeUniqueId(stackResource.node)}Outputs${Names.nodeUniqueId(resource.node)}Arn>`;
}

export class ConsoleContent extends NestedStack {
  constructor(scope: Construct, id: string, props: ConsoleContentProps) {
    super(scope, id, {
      description: `${props.service}: the staff console's files and config.json`,
      ...props,
    });
    tagAsConsole(this);
    const bundle = Source.asset(CONSOLE_SRC, {
      bundling: {
        // Only if local bundling failed: CDK would then try this image, which has no esbuild.
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-alpine'),
        local: {
          tryBundle(outputDir) {
            buildConsoleInto(outputDir);
            return true;
          },
        },
      },
    });
    const deployment = new BucketDeployment(this, 'Files', {
      sources: [bundle, Source.jsonData('config.json', props.config)],
      destinationBucket: props.bucket,
      // File names are not hashed: browsers revalidate, and the deploy invalidates CloudFront's copies.
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    const handler = this.node.findAll().find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const policy = handler?.node.tryFindChild('ServiceRole')?.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error("BucketDeployment's handler has no policy to acknowledge");
    const why =
      "CDK's BucketDeployment handler copies the bundle (object names known only at deploy time) from the CDK asset bucket into the console bucket and invalidates the distribution; CDK writes this policy.";
    for (const finding of [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      'Resource::*',
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
      `Resource::${nestedOutputInFinding(props.bucket)}/*`,
    ])
      acknowledge(policy, `AwsSolutions-IAM5[${finding}]`, why);
    acknowledge(
      handler!.node.findChild('ServiceRole'),
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketDeployment handler writes only its own logs, with AWS's managed basic execution policy.",
    );
    acknowledge(
      handler!,
      'AwsSolutions-L1',
      "CDK's BucketDeployment handler runs on the Python runtime this aws-cdk-lib version pins (with its AWS CLI layer); upgrading aws-cdk-lib moves it.",
    );
    void deployment;
  }
}
