import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { Aws, Duration, Fn, Stack } from 'aws-cdk-lib/core';
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
    });
    this.graphqlUrl = `https://${this.distribution.distributionDomainName}/graphql`;
  }
}
