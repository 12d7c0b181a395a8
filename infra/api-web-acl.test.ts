import * as appsync from 'aws-cdk-lib/aws-appsync';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiWebAcl } from './api-web-acl.ts';
import { apiKeyExpiryInDays, createInfraTestBed, type InfraTestBed } from './test-support.ts';

let bed: InfraTestBed;
let template: Template;
beforeAll(async () => {
  bed = await createInfraTestBed();
  template = bed.synthStack({ apiKeyExpiresAt: apiKeyExpiryInDays(100) });
});
afterAll(() => bed.cleanup());

function webAclWithLimit(requestsPerIpPer5Minutes: number): Template {
  const stack = bed.stack();
  const api = new appsync.GraphqlApi(stack, 'Api', {
    name: 'api',
    definition: appsync.Definition.fromSchema(appsync.SchemaFile.fromAsset('schema.graphql')),
  });
  new ApiWebAcl(stack, 'Firewall', { api, requestsPerIpPer5Minutes });
  return Template.fromStack(stack);
}

describe('ApiWebAcl', () => {
  it('is a regional web ACL that allows what no rule blocks', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName: Match.anyValue() },
    });
  });

  it('blocks an IP address that sends more than 1,000 requests in 5 minutes', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RateLimitPerIp',
          Priority: 0,
          Action: { Block: {} },
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 1000, EvaluationWindowSec: 300 } },
        }),
      ]),
    });
  });

  it("applies AWS's common rule set, only counting oversized bodies", () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'AWSManagedRulesCommonRuleSet',
          Priority: 1,
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
              RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
            },
          },
        }),
      ]),
    });
  });

  it('is associated with the AppSync API once the API is complete', () => {
    template.hasResource('AWS::WAFv2::WebACLAssociation', {
      Properties: {
        ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventsApi'), 'Arn'] },
        WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FirewallWebAcl'), 'Arn'] },
      },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^EventsApiSchema')]),
    });
  });

  it('takes another rate limit', () => {
    webAclWithLimit(50).hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 50 }) } }),
      ]),
    });
  });

  it.each([9, 2_000_000_001, 10.5])('refuses a rate limit WAF does not accept (%s)', (limit) => {
    expect(() => webAclWithLimit(limit)).toThrow(
      /requestsPerIpPer5Minutes must be a whole number from 10 to 2000000000/,
    );
  });
});
