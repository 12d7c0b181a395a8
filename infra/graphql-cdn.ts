import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Aws, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { assertValidOrigins } from '../model/allowed-origins.ts';

export interface GraphqlCdnProps {
  /** AppSync's GraphQL endpoint, `https://<id>.appsync-api.<region>.amazonaws.com/graphql` */
  readonly graphqlUrl: string;
  /**
   * Browser origins allowed to call the API (`https://app.example.com`), or
   * `['*']` for any. At least one, as parsed by model/allowed-origins.ts.
   */
  readonly allowedOrigins: string[];
  /**
   * How long browsers may cache a preflight answer.
   * @default Duration.minutes(10)
   */
  readonly corsMaxAge?: Duration;
  /**
   * Which edge locations serve the endpoint.
   * @default cloudfront.PriceClass.PRICE_CLASS_100
   */
  readonly priceClass?: cloudfront.PriceClass;
  /**
   * Shown in the CloudFront console.
   * @default 'Events API GraphQL endpoint'
   */
  readonly comment?: string;
  /**
   * How long the distribution's access logs are kept.
   * @default Duration.days(90)
   */
  readonly accessLogRetention?: Duration;
}

/** The request headers AppSync clients send: API key, Cognito token, SigV4 (Amplify's clients). */
const CORS_ALLOWED_HEADERS = [
  'content-type',
  'x-api-key',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-user-agent',
];

/**
 * A CloudFront distribution in front of AppSync that answers CORS for the
 * allowed origins only; AppSync itself has no CORS settings. Nothing is
 * cached: every request is a GraphQL operation. All viewer headers but Host
 * reach AppSync, which routes on its own host name.
 */
export class GraphqlCdn extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** CloudFront's standard access logs, under `cloudfront/` */
  readonly accessLogBucket: s3.Bucket;
  readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;
  /** `https://<distribution domain>/graphql` */
  readonly graphqlUrl: string;

  constructor(scope: Construct, id: string, props: GraphqlCdnProps) {
    super(scope, id);
    if (props.allowedOrigins.length === 0) {
      throw new Error(
        'GraphqlCdn: allowedOrigins is empty; list the origins of the web apps that call the API, or "*" to allow any',
      );
    }
    assertValidOrigins(props.allowedOrigins);

    this.responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'CorsPolicy', {
      // Policy names are unique per account, across regions.
      responseHeadersPolicyName: `${Stack.of(this).stackName}-cors-${Aws.REGION}`,
      comment: 'CORS for the Events API GraphQL endpoint',
      corsBehavior: {
        accessControlAllowOrigins: props.allowedOrigins,
        accessControlAllowMethods: ['POST', 'OPTIONS'],
        accessControlAllowHeaders: CORS_ALLOWED_HEADERS,
        // API keys and tokens travel in headers, never in cookies.
        accessControlAllowCredentials: false,
        accessControlMaxAge: props.corsMaxAge ?? Duration.minutes(10),
        originOverride: true,
      },
    });

    // Standard logging writes with ACLs, so the bucket keeps them enabled
    // (BucketOwnerPreferred). Retained in every stage: a bucket that still
    // holds logs cannot be deleted with the stack, and the lifecycle rule
    // empties it anyway.
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: props.accessLogRetention ?? Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: "This bucket holds the distribution's access logs; logging access to it would need yet another bucket.",
    });

    const appSyncHost = Fn.select(2, Fn.split('/', props.graphqlUrl));
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: props.comment ?? 'Events API GraphQL endpoint',
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: new origins.HttpOrigin(appSyncHost, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
        }),
        // CloudFront offers no "POST and OPTIONS only" set; the CORS policy
        // advertises only those two, and AppSync answers nothing but POST.
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.responseHeadersPolicy,
        // A redirect would turn a POST into a GET; refuse plain HTTP outright.
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      },
      enableLogging: true,
      logBucket: this.accessLogBucket,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The endpoint uses the default *.cloudfront.net certificate (no custom domain), for which "CloudFront ' +
          'automatically sets the security policy to TLSv1 regardless of the value" of MinimumProtocolVersion: ' +
          'https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html. ' +
          'Towards AppSync it speaks TLSv1.2 only.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public events API: no country is to be refused.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          "Every request through CloudFront reaches AppSync, whose regional AWS WAF web ACL (ApiWebAcl) filters it; a " +
          'CloudFront-scoped web ACL would have to live in us-east-1, outside this region-agnostic stack.',
      },
    );
    this.graphqlUrl = `https://${this.distribution.distributionDomainName}/graphql`;
  }
}
