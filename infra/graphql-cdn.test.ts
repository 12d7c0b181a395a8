import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlCdn, type GraphqlCdnProps } from './graphql-cdn.ts';
import { createInfraTestBed, type InfraTestBed } from './test-support.ts';

const GRAPHQL_URL = 'https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql';

let bed: InfraTestBed;
beforeAll(async () => {
  bed = await createInfraTestBed();
});
afterAll(() => bed.cleanup());

function synthCdn(props: Partial<GraphqlCdnProps> = {}): { cdn: GraphqlCdn; template: Template } {
  const stack = bed.stack();
  const cdn = new GraphqlCdn(stack, 'Cdn', {
    graphqlUrl: GRAPHQL_URL,
    allowedOrigins: ['https://app.example.com'],
    ...props,
  });
  return { cdn, template: Template.fromStack(stack) };
}

function corsConfig(template: Template): Record<string, unknown> {
  const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.ResponseHeadersPolicyConfig.CorsConfig;
}

describe('GraphqlCdn', () => {
  it("forwards to the AppSync endpoint's host over HTTPS", () => {
    synthCdn().template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            DomainName: 'abc123.appsync-api.eu-west-1.amazonaws.com',
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ],
      }),
    });
  });

  it('writes access logs to a private, encrypted, TLS-only bucket that forgets them after 90 days', () => {
    const template = synthCdn().template;
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: { Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdnAccessLogs'), 'RegionalDomainName'] }, Prefix: 'cloudfront/' },
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('lets POST and OPTIONS through, caches nothing and forwards every viewer header but Host', () => {
    const template = synthCdn().template;
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          AllowedMethods: Match.arrayWith(['OPTIONS', 'POST']),
          CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
          OriginRequestPolicyId: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
          ResponseHeadersPolicyId: { Ref: Match.stringLikeRegexp('^CdnCorsPolicy') },
          ViewerProtocolPolicy: 'https-only',
        }),
      }),
    });
  });

  it('answers CORS for exactly the allowed origins, without credentials', () => {
    const origins = ['https://app.example.com', 'http://localhost:5173'];
    expect(corsConfig(synthCdn({ allowedOrigins: origins }).template)).toEqual({
      AccessControlAllowOrigins: { Items: origins },
      AccessControlAllowMethods: { Items: ['POST', 'OPTIONS'] },
      AccessControlAllowHeaders: {
        Items: ['content-type', 'x-api-key', 'authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-user-agent'],
      },
      AccessControlAllowCredentials: false,
      AccessControlMaxAgeSec: 600,
      OriginOverride: true,
    });
  });

  it('allows any origin when given "*"', () => {
    expect(corsConfig(synthCdn({ allowedOrigins: ['*'] }).template)).toMatchObject({
      AccessControlAllowOrigins: { Items: ['*'] },
    });
  });

  it('names its CORS policy per stack and region, as policy names are unique per account', () => {
    synthCdn().template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        Name: { 'Fn::Join': ['', ['TestStack-cors-', { Ref: 'AWS::Region' }]] },
      }),
    });
  });

  it('serves GraphQL at https://<distribution>/graphql', () => {
    const { cdn } = synthCdn();
    expect(cdn.distribution.stack.resolve(cdn.graphqlUrl)).toEqual({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CdnDistribution/), 'DomainName'] }, '/graphql'],
      ],
    });
  });

  it.each([
    [[], /allowedOrigins is empty/],
    [['*', 'https://app.example.com'], /"\*" allows every origin, so list it alone/],
    [['https://app.example.com/'], /write "https:\/\/app.example.com\/" as "https:\/\/app.example.com"/],
  ])('refuses allowed origins %j', (allowedOrigins, message) => {
    expect(() => synthCdn({ allowedOrigins })).toThrow(message);
  });
});
