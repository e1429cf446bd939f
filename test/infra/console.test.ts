import { App, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ConsoleContent } from '../../infra/aws/console/console-content';
import { ConsoleHosting } from '../../infra/aws/console/console-hosting';
import { consoleConfig } from '../../infra/aws/console/staff-console';
import { TradeflowStack } from '../../infra/aws/tradeflow-stack';
import { topology } from '../../infra/topology';
import { fastAppProps } from './stack-template';
import { resourcesOfType } from './template-inventory';

/** The managed policies CloudFront documents for an API behind it. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('the staff console on AWS', () => {
  // Prepare
  const app = new App(fastAppProps());
  const stack = new TradeflowStack(app, 'Tradeflow');
  const main = Template.fromStack(stack);
  const nested = <T>(type: abstract new (...args: never[]) => T) => {
    const found = stack.node.findAll().find((construct) => construct instanceof type);
    if (!found) throw new Error(`no ${type.name} in the stack`);
    return found as T & Stack;
  };
  const hostingStack = nested(ConsoleHosting);
  const contentStack = nested(ConsoleContent);
  const hosting = Template.fromStack(hostingStack);
  const content = Template.fromStack(contentStack);
  const [[siteId, site]] = resourcesOfType(hosting, 'AWS::S3::Bucket').filter(([, bucket]) =>
    Boolean(bucket.Properties?.LoggingConfiguration),
  );
  const [[distributionId, distribution]] = resourcesOfType(hosting, 'AWS::CloudFront::Distribution');
  const config = distribution.Properties?.DistributionConfig as Record<string, unknown>;

  it('lives in nested stacks of its own, keeping the main stack under 500 resources', () => {
    // Assess
    expect(resourcesOfType(main, 'AWS::CloudFront::Distribution')).toHaveLength(0);
    expect(resourcesOfType(main, 'AWS::S3::Bucket').length).toBeLessThanOrEqual(
      Object.keys(topology.buckets).length + 1,
    );
    expect(Object.keys(main.toJSON().Resources).length).toBeLessThan(480);
    expect(hostingStack.nestedStackParent).toBe(stack);
    expect(contentStack.nestedStackParent).toBe(stack);
  });

  it('keeps the files in a private, encrypted, versioned bucket that refuses requests without TLS and logs access', () => {
    // Assess
    expect(site.Properties).toMatchObject({
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
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) }, LogFilePrefix: 's3/' },
    });
    hosting.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          // Only this distribution reads it (origin access control).
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('serves the console over HTTPS through CloudFront with origin access control, logging requests', () => {
    // Assess
    hosting.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    expect(config).toMatchObject({
      Enabled: true,
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: expect.objectContaining({ ViewerProtocolPolicy: 'redirect-to-https' }),
      Logging: { Bucket: expect.anything(), Prefix: 'cloudfront/' },
    });
    const origins = config.Origins as { Id: string; DomainName: unknown; OriginAccessControlId?: unknown }[];
    const s3 = origins.find((origin) => origin.OriginAccessControlId);
    expect(JSON.stringify(s3?.DomainName)).toContain(siteId);
  });

  it('serves the API under /<stage>/* on the same origin: never cached, every header but Host passed on', () => {
    // Act
    const behaviors = config.CacheBehaviors as Record<string, unknown>[];
    const api = behaviors.find((behavior) => behavior.PathPattern === `/${topology.api.stage}/*`);
    const origin = (
      config.Origins as { Id: string; DomainName: unknown; CustomOriginConfig?: unknown }[]
    ).find((candidate) => candidate.Id === api?.TargetOriginId);
    // Assess
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH']),
    });
    expect(JSON.stringify(origin?.DomainName)).toContain('.execute-api.');
    expect(origin?.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('sends a Content-Security-Policy that allows only itself, the hosted sign-in and the live feed', () => {
    // Act
    const [[, policy]] = resourcesOfType(hosting, 'AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(policy.Properties);
    // Assess
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('connect-src');
    expect(csp).toContain('amazoncognito.com');
    expect(csp).toMatch(/wss:\/\//);
  });

  it("lets staff sign in through the pool's hosted UI: code flow, back to the console's URL", () => {
    // Act
    const [[, client]] = resourcesOfType(main, 'AWS::Cognito::UserPoolClient');
    // Assess
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: expect.arrayContaining(['openid', 'email', 'profile']),
      GenerateSecret: false,
    });
    const callback = JSON.stringify(client.Properties?.CallbackURLs);
    expect(callback).toContain('Outputs.');
    expect(callback).toContain(`${hostingStack.node.id}`);
    expect(client.Properties?.LogoutURLs).toEqual(client.Properties?.CallbackURLs);
    hosting.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('deploys the bundle and a config.json naming the API path, the feed and the sign-in client', () => {
    // Act
    const [[, deployment]] = resourcesOfType(content, 'Custom::CDKBucketDeployment');
    const markers = JSON.stringify(deployment.Properties?.SourceMarkers);
    // Assess
    expect(deployment.Properties).toMatchObject({
      Prune: true,
      DistributionPaths: ['/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    expect(deployment.Properties?.SourceObjectKeys).toHaveLength(2);
    // config.json's deploy-time values: the feed, the hosted UI's domain, the client, the console URL
    expect(markers).toContain('LiveFeedApi');
    expect(markers).toContain('SignInDomain');
    expect(markers).toContain('ConsoleClient');
    expect(markers).toMatch(/ConsoleDistribution\w*DomainName/);
  });

  it("writes config.json as the console reads it: the API on the console's origin, the feed, the code flow", () => {
    // Act
    const config = consoleConfig({
      apiStage: 'v1',
      feedUrl: 'wss://feed.example/live',
      signInUrl: 'https://tradeflow-staff-1.auth.eu-west-1.amazoncognito.com',
      clientId: 'client1',
      consoleUrl: 'https://d1.cloudfront.net/',
    });
    // Assess
    expect(config).toEqual({
      apiUrl: '/v1',
      feed: { kind: 'websocket', url: 'wss://feed.example/live' },
      signIn: {
        kind: 'cognito',
        domain: 'https://tradeflow-staff-1.auth.eu-west-1.amazoncognito.com',
        clientId: 'client1',
        redirectUri: 'https://d1.cloudfront.net/',
        scopes: ['openid', 'email', 'profile'],
      },
    });
  });

  it('gives the console URL and the sign-in URL as outputs', () => {
    // Act
    const outputs = main.toJSON().Outputs as Record<string, { Value: unknown }>;
    // Assess
    expect(JSON.stringify(outputs.ConsoleUrl.Value)).toContain(hostingStack.node.id);
    expect(JSON.stringify(outputs.ConsoleUrl.Value)).toContain('https://');
    expect(outputs.StaffSignInUrl).toBeDefined();
    expect(distributionId).toBeTruthy();
  });
});
