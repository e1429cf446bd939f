import { Aws, Duration, Fn, NestedStack, type NestedStackProps, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { type IUserPool, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { tagAsConsole } from './console-tag';

export interface ConsoleHostingProps extends NestedStackProps {
  service: string;
  /** The REST API's id and stage: CloudFront serves the API under `/<stage>/*`, on the console's origin. */
  restApiId: string;
  apiStage: string;
  /** The staff user pool: its hosted UI gets a domain here. */
  userPool: IUserPool;
  /** The live feed's origin (`wss://<host>`), which the console connects to (its CSP allows it). */
  feedOrigin?: string;
}

/**
 * Where the staff console lives on AWS: a private bucket read only by CloudFront (origin access
 * control), and one distribution that serves the console at `/` and the API at `/<stage>/*`, so the
 * console calls the API on its own origin: no CORS, no preflight per call, and the REST API needs no
 * OPTIONS method per resource (the main stack is near CloudFormation's 500 resources). Plus the user
 * pool's hosted UI domain, where staff sign in. A nested stack of its own, like the functions'.
 */
export class ConsoleHosting extends NestedStack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly signInDomain: UserPoolDomain;
  /** `https://<distribution>.cloudfront.net` */
  readonly url: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  readonly signInUrl: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id, {
      description: `${props.service}: the staff console (S3, CloudFront, hosted sign-in)`,
      ...props,
    });
    tagAsConsole(this);

    // Access logs of the bucket and of the distribution. CloudFront's standard logs are written with
    // ACLs, so this bucket keeps them enabled (object writer), unlike the site bucket.
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    });
    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.signInDomain = new UserPoolDomain(this, 'SignInDomain', {
      userPool: props.userPool,
      // Unique per region and account; the hosted UI lives at https://<prefix>.auth.<region>.amazoncognito.com.
      cognitoDomain: { domainPrefix: Fn.join('-', [props.service, 'staff', Aws.ACCOUNT_ID]) },
    });
    this.signInUrl = this.signInDomain.baseUrl();

    const connectSources = ["'self'", this.signInUrl, ...(props.feedOrigin ? [props.feedOrigin] : [])];
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `${props.service} console: scripts and styles from itself only`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: Fn.join(' ', [
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src",
            ...connectSources,
          ]),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });

    const api = new HttpOrigin(`${props.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${props.service} staff console`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: {
        // The API, as it is (every header but Host, the body, the query): never cached.
        [`/${props.apiStage}/*`]: {
          origin: api,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Staff work from wherever the export team travels (buyers and suppliers abroad): no country is refused; every API call needs a staff token.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'WAF is out of scope for now, as for the API itself (AwsSolutions-APIG3): the console is static files and every API call needs a staff token.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      "The distribution uses CloudFront's default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; a custom domain with its own certificate (TLSv1.2_2021) is the deployer's to add.",
    );
  }
}
