import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ALLOWED_ORIGINS } from '../model/allowed-origins.ts';
import { eventsApiStackName } from './events-api-stack.ts';
import { apiKeyExpiryInDays, createInfraTestBed, type InfraTestBed } from './test-support.ts';

let bed: InfraTestBed;
let dev: Template;
const apiKeyExpiresAt = apiKeyExpiryInDays(100);
beforeAll(async () => {
  bed = await createInfraTestBed();
  dev = bed.synthStack({ stage: 'dev', apiKeyExpiresAt });
});
afterAll(() => bed.cleanup());

function corsOrigins(template: Template): string[] {
  const policy = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0];
  return policy.Properties.ResponseHeadersPolicyConfig.CorsConfig.AccessControlAllowOrigins.Items;
}

describe('EventsApiStack', () => {
  it('is named after its stage', () => {
    expect(eventsApiStackName('dev')).toBe('EventsApi-dev');
    expect(eventsApiStackName('prod')).toBe('EventsApi-prod');
  });

  it('outputs the AppSync URL, the CloudFront URL, the API key, the user pool and client ids and the stage', () => {
    const value = (expected: unknown) => expect.objectContaining({ Value: expected });
    expect(dev.toJSON().Outputs).toEqual({
      GraphqlUrl: value({ 'Fn::GetAtt': [expect.stringMatching(/^EventsApi/), 'GraphQLUrl'] }),
      CloudFrontGraphqlUrl: value({
        'Fn::Join': [
          '',
          ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^CdnDistribution/), 'DomainName'] }, '/graphql'],
        ],
      }),
      ApiKey: value({ 'Fn::GetAtt': [expect.stringMatching(/^EventsApiDefaultApiKey/), 'ApiKey'] }),
      UserPoolId: value({ Ref: expect.stringMatching(/^UsersUserPool/) }),
      UserPoolClientId: value({ Ref: expect.stringMatching(/^UsersUserPoolAppClient/) }),
      Stage: value('dev'),
    });
  });

  it('holds one of each part: user pool, API, web ACL and CloudFront distribution, and two tables', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', 2);
    for (const type of [
      'AWS::Cognito::UserPool',
      'AWS::AppSync::GraphQLApi',
      'AWS::WAFv2::WebACL',
      'AWS::WAFv2::WebACLAssociation',
      'AWS::CloudFront::Distribution',
    ]) {
      dev.resourceCountIs(type, 1);
    }
  });

  it('is environment-agnostic: no account or region is written into the template', () => {
    const json = JSON.stringify(dev.toJSON());
    expect(json).not.toMatch(/\b\d{12}\b/);
    expect(json).not.toMatch(/\b(us|eu|ap|sa|ca|me|af)-[a-z]+-\d\b/);
  });

  it('tags its resources with the app and the stage', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([
        { Key: 'app', Value: 'events-api' },
        { Key: 'stage', Value: 'dev' },
      ]),
    });
  });

  it('allows the usual local front-end origins in dev when none are given', () => {
    expect(corsOrigins(dev)).toEqual(DEV_ALLOWED_ORIGINS);
  });

  it('builds the CORS policy from the given origins', () => {
    const template = bed.synthStack({ stage: 'prod', allowedOrigins: ['https://events.example.com'], apiKeyExpiresAt });
    expect(corsOrigins(template)).toEqual(['https://events.example.com']);
    template.hasOutput('Stage', { Value: 'prod' });
  });

  it('refuses to guess the CORS origins in prod', () => {
    expect(() => bed.synthStack({ stage: 'prod', apiKeyExpiresAt })).toThrow(
      /prod needs the allowed CORS origins; pass -c allowedOrigins=/,
    );
  });

  it('accepts tokens from an existing user pool and client instead of creating them', () => {
    const template = bed.synthStack({
      apiKeyExpiresAt,
      existingUserPool: { userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: '1example23456789' },
    });
    for (const type of ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolGroup']) {
      template.resourceCountIs(type, 0);
    }
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AdditionalAuthenticationProviders: [
        Match.objectLike({
          UserPoolConfig: Match.objectLike({
            UserPoolId: 'eu-west-1_AbCdEf123',
            AppIdClientRegex: '^1example23456789$',
          }),
        }),
      ],
    });
    template.hasOutput('UserPoolId', { Value: 'eu-west-1_AbCdEf123' });
    template.hasOutput('UserPoolClientId', { Value: '1example23456789' });
  });

  it('takes another per-IP rate limit', () => {
    bed.synthStack({ apiKeyExpiresAt, requestsPerIpPer5Minutes: 300 }).hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 300 }) } }),
      ]),
    });
  });
});
