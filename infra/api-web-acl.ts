import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ApiWebAclProps {
  /** the API to protect; the web ACL is associated with it */
  readonly api: appsync.IGraphqlApi;
  /**
   * Most requests one IP address may send in any 5-minute window; WAF blocks
   * the rest until the rate falls again. AWS WAF accepts 10 to 2,000,000,000.
   * @default 1000
   */
  readonly requestsPerIpPer5Minutes?: number;
  /**
   * Prefix of the CloudWatch metric names of the web ACL and its rules.
   * @default 'EventsApi'
   */
  readonly metricPrefix?: string;
}

const RATE_LIMIT_MIN = 10;
const RATE_LIMIT_MAX = 2_000_000_000;
const FIVE_MINUTES_IN_SECONDS = 300;

/**
 * A regional AWS WAF web ACL in front of AppSync: a per-IP rate limit against
 * floods and AWS's common rule set against well-known exploits.
 *
 * Requests that reach AppSync through the CloudFront endpoint arrive from
 * CloudFront's addresses, so for them the rate limit counts per edge address,
 * not per viewer. X-Forwarded-For would name the viewer, but clients can
 * forge its first entry, which is the one WAF reads, so it is not used.
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html
 */
export class ApiWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiWebAclProps) {
    super(scope, id);
    const limit = props.requestsPerIpPer5Minutes ?? 1000;
    if (!Number.isInteger(limit) || limit < RATE_LIMIT_MIN || limit > RATE_LIMIT_MAX) {
      throw new Error(
        `ApiWebAcl: requestsPerIpPer5Minutes must be a whole number from ${RATE_LIMIT_MIN} to ${RATE_LIMIT_MAX}, not ${limit}`,
      );
    }
    const prefix = props.metricPrefix ?? 'EventsApi';
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      metricName: `${prefix}${name}`,
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('WebAcl'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit,
              evaluationWindowSec: FIVE_MINUTES_IN_SECONDS,
            },
          },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // The rule set blocks bodies over 8 KB. A valid createEvent whose
              // 2,900 characters of text are in a non-Latin script can exceed
              // that; the resolvers enforce the real limits, so only count.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('CommonRuleSet'),
        },
      ],
    });

    const association = new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.api.arn,
      webAclArn: this.webAcl.attrArn,
    });
    // Associate only once the whole API (schema, resolvers) exists.
    association.node.addDependency(props.api);
  }
}
