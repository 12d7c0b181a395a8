import { CfnOutput, Stack, Tags, type StackProps } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { DEV_ALLOWED_ORIGINS } from '../model/allowed-origins.ts';
import type { Stage } from '../model/api-settings.ts';
import { rollingApiKeyExpiry } from './api-key-expiry.ts';
import { ApiUserPool, type ExistingUserPool } from './api-user-pool.ts';
import { ApiWebAcl } from './api-web-acl.ts';
import { EventsApi } from './events-api.ts';
import { EventsTable } from './events-table.ts';
import { registrationsTable } from '../model/registrations-table.ts';
import { GraphqlCdn } from './graphql-cdn.ts';

export interface EventsApiStackProps extends StackProps {
  /** dev or prod: data retention, introspection and the default CORS origins follow it */
  readonly stage: Stage;
  /**
   * Browser origins the CloudFront endpoint allows; `['*']` allows any.
   * @default DEV_ALLOWED_ORIGINS in dev; prod has no default and must be given
   */
  readonly allowedOrigins?: string[];
  /**
   * An existing user pool and app client to accept tokens from.
   * @default a new user pool with an app client and an `admins` group
   */
  readonly existingUserPool?: ExistingUserPool;
  /**
   * When the API key expires.
   * @default rollingApiKeyExpiry(now): 365 days after the first of the current UTC month
   */
  readonly apiKeyExpiresAt?: Date;
  /**
   * Where the resolver bundles are; relative to the project root unless absolute.
   * @default 'build/appsync', where `npm run build` writes them
   */
  readonly bundleDir?: string;
  /**
   * Most requests one IP address may send to AppSync in 5 minutes.
   * @default 1000
   */
  readonly requestsPerIpPer5Minutes?: number;
}

/** `EventsApi-dev`, `EventsApi-prod`: one stack per stage, side by side in one account. */
export function eventsApiStackName(stage: Stage): string {
  return `EventsApi-${stage}`;
}

/** Everything the Events API needs in one region: table, user pool, API, WAF and the CORS endpoint. */
export class EventsApiStack extends Stack {
  constructor(scope: Construct, id: string, props: EventsApiStackProps) {
    super(scope, id, props);
    const allowedOrigins = props.allowedOrigins ?? defaultAllowedOrigins(props.stage);
    Tags.of(this).add('app', 'events-api');
    Tags.of(this).add('stage', props.stage);

    const { table } = new EventsTable(this, 'Events', { stage: props.stage });
    const registrations = new EventsTable(this, 'Registrations', { stage: props.stage, definition: registrationsTable });
    const users = new ApiUserPool(this, 'Users', { stage: props.stage, existing: props.existingUserPool });
    const events = new EventsApi(this, 'EventsApi', {
      stage: props.stage,
      table,
      registrationsTable: registrations.table,
      userPool: users.userPool,
      userPoolClient: users.userPoolClient,
      apiKeyExpiresAt: props.apiKeyExpiresAt ?? rollingApiKeyExpiry(new Date()),
      bundleDir: props.bundleDir,
    });
    new ApiWebAcl(this, 'Firewall', {
      api: events.api,
      requestsPerIpPer5Minutes: props.requestsPerIpPer5Minutes,
    });
    const cdn = new GraphqlCdn(this, 'Cdn', { graphqlUrl: events.api.graphqlUrl, allowedOrigins });

    new CfnOutput(this, 'GraphqlUrl', { value: events.api.graphqlUrl, description: 'AppSync GraphQL endpoint' });
    new CfnOutput(this, 'CloudFrontGraphqlUrl', {
      value: cdn.graphqlUrl,
      description: `GraphQL endpoint with CORS for ${allowedOrigins.join(', ')}`,
    });
    new CfnOutput(this, 'ApiKey', { value: events.apiKey, description: 'Send as the x-api-key header' });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'Stage', { value: props.stage });
  }
}

function defaultAllowedOrigins(stage: Stage): string[] {
  if (stage === 'prod') {
    throw new Error(
      'EventsApiStack: prod needs the allowed CORS origins; pass -c allowedOrigins=https://app.example.com, ' +
        'comma-separated, or "*" to allow any origin',
    );
  }
  return DEV_ALLOWED_ORIGINS;
}
