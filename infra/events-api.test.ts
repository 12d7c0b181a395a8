import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSettings } from '../model/api-settings.ts';
import {
  EVENTS_DATA_SOURCE,
  EVENTS_TABLE_ENV,
  functionBundlePath,
  NONE_DATA_SOURCE,
  REGISTRATIONS_DATA_SOURCE,
  REGISTRATIONS_TABLE_ENV,
  functionWiring,
  resolverBundlePath,
  resolverWiring,
  type ResolverWiring,
} from '../model/api-wiring.ts';
import { buildAppSyncSchema } from '../model/check-wiring.ts';
import { registrationsTable } from '../model/registrations-table.ts';
import { readAppSyncPrelude, readSchema } from '../model/schema-source.ts';
import { rollingApiKeyExpiry } from './api-key-expiry.ts';
import { ApiUserPool } from './api-user-pool.ts';
import { EventsApi, type EventsApiProps } from './events-api.ts';
import { EventsTable } from './events-table.ts';
import { apiKeyExpiryInDays, createInfraTestBed, type InfraTestBed } from './test-support.ts';

const APPSYNC_JS = { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' };

let bed: InfraTestBed;
let dev: Template;
let prod: Template;
const expiresAt = apiKeyExpiryInDays(100);

beforeAll(async () => {
  bed = await createInfraTestBed();
  dev = bed.synthStack({ stage: 'dev', apiKeyExpiresAt: expiresAt });
  prod = bed.synthStack({ stage: 'prod', allowedOrigins: ['https://events.example.com'], apiKeyExpiresAt: expiresAt });
});
afterAll(() => bed.cleanup());

type Resource = { Properties: Record<string, any>; DependsOn?: string[] };

function resolverFor(template: Template, typeName: string, fieldName: string): Resource {
  const found = Object.values(
    template.findResources('AWS::AppSync::Resolver', { Properties: { TypeName: typeName, FieldName: fieldName } }),
  );
  expect(found, `resolvers for ${typeName}.${fieldName}`).toHaveLength(1);
  return found[0] as Resource;
}

function functionLogicalId(template: Template, name: string): string {
  const ids = Object.keys(
    template.findResources('AWS::AppSync::FunctionConfiguration', { Properties: { Name: name } }),
  );
  expect(ids, `functions named ${name}`).toHaveLength(1);
  return ids[0];
}

/** Builds an EventsApi alone in a stack, for the cases the stack's defaults never reach. */
function buildApi(overrides: Partial<EventsApiProps>): EventsApi {
  const stack = bed.stack();
  const { table } = new EventsTable(stack, 'Events', { stage: 'dev' });
  const registrations = new EventsTable(stack, 'Registrations', { stage: 'dev', definition: registrationsTable });
  const users = new ApiUserPool(stack, 'Users', { stage: 'dev' });
  return new EventsApi(stack, 'Api', {
    stage: 'dev',
    table,
    registrationsTable: registrations.table,
    userPool: users.userPool,
    userPoolClient: users.userPoolClient,
    apiKeyExpiresAt: expiresAt,
    bundleDir: bed.bundleDir,
    ...overrides,
  });
}

describe('EventsApi schema and resolvers', () => {
  it('deploys schema.graphql as it is', () => {
    dev.hasResourceProperties('AWS::AppSync::GraphQLSchema', { Definition: readSchema() });
  });

  it('gives every Query, Mutation and Subscription field of the schema a resolver', () => {
    const schema = buildAppSyncSchema(readAppSyncPrelude(), readSchema());
    const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((typeName) => {
      const type = schema.getType(typeName);
      return type && isObjectType(type) ? Object.keys(type.getFields()).map((field) => [typeName, field]) : [];
    });
    expect(rootFields.length).toBeGreaterThan(0);
    for (const [typeName, fieldName] of rootFields) {
      resolverFor(dev, typeName, fieldName);
    }
    // plus the field resolvers of Event and Registration, which read seats and registrations
    expect(Object.keys(dev.findResources('AWS::AppSync::Resolver'))).toHaveLength(resolverWiring.length);
  });

  it.each(resolverWiring.filter((w) => w.kind === 'UNIT'))(
    'resolves $typeName $fieldName with a UNIT resolver on APPSYNC_JS 1.0.0 and the $dataSource data source',
    (wiring) => {
      const resolver = resolverFor(dev, wiring.typeName, wiring.fieldName);
      expect(resolver.Properties).toMatchObject({
        Kind: 'UNIT',
        Runtime: APPSYNC_JS,
        DataSourceName: (wiring as Extract<ResolverWiring, { kind: 'UNIT' }>).dataSource,
      });
    },
  );

  it.each(resolverWiring.filter((w) => w.kind === 'PIPELINE'))(
    'resolves $typeName $fieldName with a PIPELINE resolver running its functions in order',
    (wiring) => {
      const resolver = resolverFor(dev, wiring.typeName, wiring.fieldName);
      const functions = (wiring as Extract<ResolverWiring, { kind: 'PIPELINE' }>).functions;
      expect(resolver.Properties).toMatchObject({
        Kind: 'PIPELINE',
        Runtime: APPSYNC_JS,
        PipelineConfig: {
          Functions: functions.map((fn) => ({ 'Fn::GetAtt': [functionLogicalId(dev, fn), 'FunctionId'] })),
        },
      });
      expect(resolver.Properties.DataSourceName).toBeUndefined();
    },
  );

  it.each(resolverWiring)('deploys the bundle of $typeName $fieldName as its code', (wiring) => {
    const resolver = resolverFor(dev, wiring.typeName, wiring.fieldName);
    expect(resolver.Properties.Code).toBeUndefined();
    expect(bed.stagedAsset(dev, resolver.Properties.CodeS3Location)).toBe(
      readFileSync(resolverBundlePath(wiring, bed.bundleDir), 'utf8'),
    );
  });

  it.each(functionWiring)('deploys pipeline function $name on APPSYNC_JS 1.0.0 with its bundle', (fn) => {
    const resource = dev.findResources('AWS::AppSync::FunctionConfiguration')[
      functionLogicalId(dev, fn.name)
    ] as Resource;
    expect(resource.Properties).toMatchObject({ Runtime: APPSYNC_JS, DataSourceName: fn.dataSource });
    expect(bed.stagedAsset(dev, resource.Properties.CodeS3Location)).toBe(
      readFileSync(functionBundlePath(fn.name, bed.bundleDir), 'utf8'),
    );
  });

  it('resolves the subscriptions on the NONE data source: they only set filters', () => {
    for (const fieldName of ['onEventChanged', 'onEventPublished']) {
      expect(resolverFor(dev, 'Subscription', fieldName).Properties).toMatchObject({ Kind: 'UNIT', DataSourceName: NONE_DATA_SOURCE });
    }
    dev.hasResourceProperties('AWS::AppSync::DataSource', { Name: NONE_DATA_SOURCE, Type: 'NONE' });
    dev.hasResourceProperties('AWS::AppSync::GraphQLSchema', {
      Definition: Match.stringLikeRegexp('onEventChanged\\(eventId: ID!\\): Event\\s+@aws_subscribe\\(mutations: \\["updateEvent", "deleteEvent", "registerForEvent", "cancelRegistration"\\]\\)'),
    });
  });

  it('has two DynamoDB data sources (events on the events table, registrations on the registrations table) and the NONE one', () => {
    dev.resourceCountIs('AWS::AppSync::DataSource', 3);
    dev.hasResourceProperties('AWS::AppSync::DataSource', {
      Name: EVENTS_DATA_SOURCE,
      Type: 'AMAZON_DYNAMODB',
      DynamoDBConfig: { TableName: { Ref: Match.stringLikeRegexp('^EventsTable') } },
    });
    dev.hasResourceProperties('AWS::AppSync::DataSource', {
      Name: REGISTRATIONS_DATA_SOURCE,
      Type: 'AMAZON_DYNAMODB',
      DynamoDBConfig: { TableName: { Ref: Match.stringLikeRegexp('^RegistrationsTable') } },
    });
  });

  it('names both tables in environment variables, for the transactions that write both', () => {
    dev.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      EnvironmentVariables: {
        [EVENTS_TABLE_ENV]: { Ref: Match.stringLikeRegexp('^EventsTable') },
        [REGISTRATIONS_TABLE_ENV]: { Ref: Match.stringLikeRegexp('^RegistrationsTable') },
      },
    });
  });
});

describe('EventsApi permissions', () => {
  const tableArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventsTable'), 'Arn'] };
  const indexArns = { 'Fn::Join': ['', [tableArn, '/index/*']] };

  function policiesOfRole(template: Template, roleId: string): Resource[] {
    return Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      policy.Properties.Roles.some((ref: { Ref: string }) => ref.Ref === roleId),
    ) as Resource[];
  }

  it("lets the events data source's role use only the events table and its indexes, with DynamoDB data actions", () => {
    const dataSource = Object.values(
      dev.findResources('AWS::AppSync::DataSource', { Properties: { Name: EVENTS_DATA_SOURCE } }),
    )[0];
    const roleId = dataSource.Properties.ServiceRoleArn['Fn::GetAtt'][0];
    const policies = policiesOfRole(dev, roleId);
    expect(policies).toHaveLength(1);
    Template.fromJSON({ Resources: { Policy: policies[0] } }).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: Match.anyValue(), Resource: [tableArn, indexArns] }] },
    });
    for (const action of policies[0].Properties.PolicyDocument.Statement[0].Action) {
      expect(action).toMatch(/^dynamodb:[A-Z][A-Za-z]+$/);
    }
  });

  it("lets the registrations data source's role use both tables (its transactions write both) and nothing else", () => {
    const dataSource = Object.values(
      dev.findResources('AWS::AppSync::DataSource', { Properties: { Name: REGISTRATIONS_DATA_SOURCE } }),
    )[0];
    const roleId = dataSource.Properties.ServiceRoleArn['Fn::GetAtt'][0];
    const statements = policiesOfRole(dev, roleId).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const resources = JSON.stringify(statements.map((statement: { Resource: unknown }) => statement.Resource));
    expect(resources).toContain('RegistrationsTable');
    expect(resources).toContain('EventsTable');
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of [statement.Action].flat()) {
        expect(action).toMatch(/^dynamodb:[A-Z][A-Za-z]+$/);
      }
    }
  });

  // CDK's log-retention function sets the retention of the log group AppSync
  // itself creates; it is the one principal allowed "*".
  it('grants nothing on every resource ("*") but the retention calls of CDK\'s log-retention function', () => {
    const wildcard = Object.entries(dev.findResources('AWS::IAM::Policy')).flatMap(([id, policy]) =>
      policy.Properties.PolicyDocument.Statement.filter((s: { Resource: unknown }) =>
        [s.Resource].flat().includes('*'),
      ).map((s: { Action: string[] }) => ({ id, actions: [s.Action].flat() })),
    );
    expect(wildcard).toEqual([
      {
        id: expect.stringMatching(/^LogRetention/),
        actions: ['logs:DeleteRetentionPolicy', 'logs:PutRetentionPolicy'],
      },
    ]);
  });

  it("lets AppSync write logs only to the API's own log group, with no AWS-managed policy", () => {
    const api = Object.values(dev.findResources('AWS::AppSync::GraphQLApi'))[0];
    const [logsRoleId] = api.Properties.LogConfig.CloudWatchLogsRoleArn['Fn::GetAtt'];
    const role = dev.toJSON().Resources[logsRoleId];
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Principal: { Service: 'appsync.amazonaws.com' } }),
    ]);
    const [policy] = policiesOfRole(dev, logsRoleId);
    const [statement] = policy.Properties.PolicyDocument.Statement;
    expect(statement.Action).toEqual(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
    const logGroup = JSON.stringify(statement.Resource);
    expect(logGroup).toContain(':log-group:/aws/appsync/apis/');
    expect(logGroup).toContain('ApiId');
  });
});

describe('EventsApi authorization', () => {
  it('takes API keys by default and Cognito user pool tokens from the app client as a second mode', () => {
    dev.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'API_KEY',
      AdditionalAuthenticationProviders: [
        {
          AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
          UserPoolConfig: {
            UserPoolId: { Ref: Match.stringLikeRegexp('^UsersUserPool') },
            AppIdClientRegex: {
              'Fn::Join': ['', ['^', { Ref: Match.stringLikeRegexp('^UsersUserPoolAppClient') }, '$']],
            },
            AwsRegion: { Ref: 'AWS::Region' },
          },
        },
      ],
    });
  });

  it('creates one API key that expires at the given moment', () => {
    dev.resourceCountIs('AWS::AppSync::ApiKey', 1);
    dev.hasResourceProperties('AWS::AppSync::ApiKey', { Expires: expiresAt.getTime() / 1000 });
  });

  it('defaults the key expiry to 365 days after the first of the current UTC month', () => {
    const before = rollingApiKeyExpiry(new Date()).getTime() / 1000;
    const template = bed.synthStack({ stage: 'dev' });
    const after = rollingApiKeyExpiry(new Date()).getTime() / 1000;
    const expires = Object.values(template.findResources('AWS::AppSync::ApiKey'))[0].Properties.Expires;
    expect([before, after]).toContain(expires);
  });

  const HOUR_MS = 60 * 60 * 1000;
  it.each([
    ['in the past', -3 * 24 * HOUR_MS],
    ['sooner than a day', 12 * HOUR_MS],
    ['later than 365 days', 366 * 24 * HOUR_MS],
  ])('refuses an API key expiry %s', (_, fromNowMs) => {
    const apiKeyExpiresAt = new Date(Date.now() + fromNowMs);
    expect(() => buildApi({ apiKeyExpiresAt })).toThrow(/AppSync accepts 1 to 365 days/);
  });
});

describe('EventsApi limits, logging and tracing', () => {
  it.each([
    ['dev', () => dev],
    ['prod', () => prod],
  ] as const)('applies the query depth and resolver count limits of %s', (stage, template) => {
    template().hasResourceProperties('AWS::AppSync::GraphQLApi', {
      QueryDepthLimit: apiSettings(stage).queryDepthLimit,
      ResolverCountLimit: apiSettings(stage).resolverCountLimit,
    });
  });

  it('allows introspection in dev', () => {
    expect(apiSettings('dev').introspection).toBe(true);
    dev.hasResourceProperties('AWS::AppSync::GraphQLApi', { IntrospectionConfig: 'ENABLED' });
  });

  it('disables introspection in prod', () => {
    expect(apiSettings('prod').introspection).toBe(false);
    prod.hasResourceProperties('AWS::AppSync::GraphQLApi', { IntrospectionConfig: 'DISABLED' });
  });

  it('logs field errors without request and response bodies, traces with X-Ray and keeps logs 30 days', () => {
    dev.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      LogConfig: { FieldLogLevel: 'ERROR', ExcludeVerboseContent: true, CloudWatchLogsRoleArn: Match.anyValue() },
      XrayEnabled: true,
    });
    dev.hasResourceProperties('Custom::LogRetention', {
      LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', { 'Fn::GetAtt': [Match.anyValue(), 'ApiId'] }]] },
      RetentionInDays: 30,
    });
  });

  it('names the API after the stage', () => {
    prod.hasResourceProperties('AWS::AppSync::GraphQLApi', { Name: 'events-api-prod' });
  });
});

describe('EventsApi refuses to synthesize a broken API', () => {
  it('lists every resolver that does not match the schema', () => {
    const resolvers: ResolverWiring[] = [
      ...resolverWiring.filter((w) => w.fieldName !== 'health'),
      { kind: 'UNIT', typeName: 'Query', fieldName: 'getVenue', dataSource: EVENTS_DATA_SOURCE },
      { kind: 'PIPELINE', typeName: 'Mutation', fieldName: 'createEvent', functions: ['publishEvent'] },
    ];
    const build = () => buildApi({ resolvers });
    expect(build).toThrow(/does not match schema\.graphql/);
    expect(build).toThrow(/Query\.getVenue: type Query has no field getVenue/);
    expect(build).toThrow(/Query\.health: no resolver is wired for this field/);
    expect(build).toThrow(/Mutation\.createEvent: wired more than once/);
    expect(build).toThrow(/Mutation\.createEvent: pipeline names unknown function publishEvent/);
  });

  it('refuses a data source the API does not have', () => {
    const resolvers = resolverWiring.map((w) =>
      w.fieldName === 'getEvent' ? { ...w, dataSource: 'venues' } : w,
    ) as ResolverWiring[];
    expect(() => buildApi({ resolvers })).toThrow(
      'Query.getEvent names data source "venues", but the API has only "events", "registrations", "none"',
    );
  });

  it('asks for npm run build, naming each missing bundle, when the bundles are not there', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-bundles-'));
    try {
      const build = () => buildApi({ bundleDir: empty });
      expect(build).toThrow(/run npm run build first/);
      expect(build).toThrow(join(empty, 'resolvers', 'Query.getEvent.js'));
      expect(build).toThrow(join(empty, 'functions', 'readEventForWrite.js'));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
