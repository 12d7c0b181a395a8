import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ArnFormat, Expiration, Stack, Validations } from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { apiSettings, type Stage } from '../model/api-settings.ts';
import {
  BUNDLE_DIR,
  EVENTS_DATA_SOURCE,
  EVENTS_TABLE_ENV,
  NONE_DATA_SOURCE,
  REGISTRATIONS_DATA_SOURCE,
  REGISTRATIONS_TABLE_ENV,
  functionWiring,
  resolverName,
  resolverWiring,
  type FunctionWiring,
  type ResolverWiring,
} from '../model/api-wiring.ts';
import { fromProjectRoot } from '../model/project-paths.ts';
import { apiKeyExpiryProblem } from './api-key-expiry.ts';
import {
  assertBundlesExist,
  assertWiringMatchesSchema,
  functionBundle,
  resolverBundle,
  type WiringToDeploy,
} from './resolver-bundles.ts';

export interface EventsApiProps {
  /** picks the query limits and whether introspection is on (model/api-settings.ts) */
  readonly stage: Stage;
  /** the table behind the `events` data source; the data source is granted read/write on it and its indexes */
  readonly table: dynamodb.ITable;
  /**
   * The table behind the `registrations` data source (model/registrations-table.ts). That data source
   * runs the transactions that change seats and events together, so it may also write the events table.
   */
  readonly registrationsTable: dynamodb.ITable;
  /** the pool whose tokens the API accepts besides the API key */
  readonly userPool: cognito.IUserPool;
  /** the only app client whose tokens the API accepts */
  readonly userPoolClient: cognito.IUserPoolClient;
  /** when the API key expires: 1 to 365 days from now (see api-key-expiry.ts for a deterministic choice) */
  readonly apiKeyExpiresAt: Date;
  /**
   * Name of the API in the AppSync console.
   * @default `events-api-${stage}`
   */
  readonly name?: string;
  /**
   * Where `npm run build` put the resolver bundles; relative to the project root unless absolute.
   * @default 'build/appsync'
   */
  readonly bundleDir?: string;
  /**
   * Which code resolves which field.
   * @default resolverWiring from model/api-wiring.ts
   */
  readonly resolvers?: ResolverWiring[];
  /**
   * The pipeline functions the resolvers may name.
   * @default functionWiring from model/api-wiring.ts
   */
  readonly functions?: FunctionWiring[];
  /**
   * How long CloudWatch keeps the API's logs.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
}

const RUNTIME = appsync.FunctionRuntime.JS_1_0_0;

/**
 * The GraphQL API: schema.graphql, every resolver and pipeline function from
 * model/api-wiring.ts with its esbuild bundle, one DynamoDB data source, API
 * key auth by default and Cognito user pools as the second mode. Synth fails
 * before anything is deployed if the wiring does not match the schema or a
 * bundle is missing.
 */
export class EventsApi extends Construct {
  readonly api: appsync.GraphqlApi;
  readonly dataSource: appsync.DynamoDbDataSource;
  readonly registrationsDataSource: appsync.DynamoDbDataSource;
  /** the subscription resolvers' data source: they call nothing, they set filters */
  readonly noneDataSource: appsync.NoneDataSource;
  /** the API key's value */
  readonly apiKey: string;
  /** the role AppSync writes the API's logs with */
  readonly logsRole: iam.Role;

  constructor(scope: Construct, id: string, props: EventsApiProps) {
    super(scope, id);
    const wiring: WiringToDeploy = {
      resolvers: props.resolvers ?? resolverWiring,
      functions: props.functions ?? functionWiring,
      bundleDir: props.bundleDir ?? BUNDLE_DIR,
    };
    assertWiringMatchesSchema(wiring);
    assertBundlesExist(wiring);
    const expiryProblem = apiKeyExpiryProblem(props.apiKeyExpiresAt, new Date());
    if (expiryProblem) {
      throw new Error(`EventsApi: ${expiryProblem}`);
    }

    const settings = apiSettings(props.stage);
    // AppSync's own log group only, not the "*" of AWS's managed
    // AWSAppSyncPushToCloudWatchLogs policy CDK would attach.
    this.logsRole = new iam.Role(this, 'ApiLogsRole', {
      assumedBy: new iam.ServicePrincipal('appsync.amazonaws.com'),
      description: "Lets AppSync write the API's logs to its own log group",
    });
    this.api = new appsync.GraphqlApi(this, 'Api', {
      name: props.name ?? `events-api-${props.stage}`,
      definition: appsync.Definition.fromFile(fromProjectRoot('schema.graphql')),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: appsync.AuthorizationType.API_KEY,
          apiKeyConfig: { expires: Expiration.atDate(props.apiKeyExpiresAt) },
        },
        additionalAuthorizationModes: [
          {
            authorizationType: appsync.AuthorizationType.USER_POOL,
            userPoolConfig: {
              userPool: props.userPool,
              appIdClientRegex: `^${props.userPoolClient.userPoolClientId}$`,
            },
          },
        ],
      },
      // Errors only, without request and response bodies: those carry users' data.
      logConfig: {
        fieldLogLevel: appsync.FieldLogLevel.ERROR,
        excludeVerboseContent: true,
        retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
        role: this.logsRole,
      },
      // transactions name the tables of their items
      environmentVariables: {
        [EVENTS_TABLE_ENV]: props.table.tableName,
        [REGISTRATIONS_TABLE_ENV]: props.registrationsTable.tableName,
      },
      xrayEnabled: true,
      queryDepthLimit: settings.queryDepthLimit,
      resolverCountLimit: settings.resolverCountLimit,
      introspectionConfig: settings.introspection
        ? appsync.IntrospectionConfig.ENABLED
        : appsync.IntrospectionConfig.DISABLED,
    });
    this.apiKey = this.api.apiKey as string;
    this.allowLogsToOwnLogGroup();
    this.dataSource = this.api.addDynamoDbDataSource('EventsDataSource', props.table, { name: EVENTS_DATA_SOURCE });
    this.registrationsDataSource = this.api.addDynamoDbDataSource('RegistrationsDataSource', props.registrationsTable, {
      name: REGISTRATIONS_DATA_SOURCE,
    });
    props.table.grantReadWriteData(this.registrationsDataSource);
    this.noneDataSource = this.api.addNoneDataSource('NoneDataSource', { name: NONE_DATA_SOURCE });
    this.acknowledgeNagFindings(props.table);

    const functions = this.createFunctions(wiring);
    for (const resolver of wiring.resolvers) {
      this.createResolver(wiring, resolver, functions);
    }
  }

  /** Log group `/aws/appsync/apis/<apiId>`, where AppSync writes, and its streams. */
  private allowLogsToOwnLogGroup(): void {
    const logGroupArn = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: `/aws/appsync/apis/${this.api.apiId}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.logsRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroupArn, `${logGroupArn}:*`],
      }),
    );
  }

  /** cdk-nag findings this construct keeps on purpose, each with its evidence. */
  private acknowledgeNagFindings(table: dynamodb.ITable): void {
    const stack = Stack.of(this);
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-ASC3',
      reason:
        'Request-level logs are on (a CloudWatch Logs role is set); only verbose content is excluded, because it holds ' +
        'the request headers (x-api-key, Authorization tokens) and the evaluated handlers with users\' event data. ' +
        'https://docs.aws.amazon.com/appsync/latest/APIReference/API_LogConfig.html',
    });
    Validations.of(this.logsRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/appsync/apis/<${stack.getLogicalId(this.api.node.defaultChild as appsync.CfnGraphQLApi)}.ApiId>:*]`,
      reason:
        "AppSync names the log streams in the API's log group itself, so the statement can name the group but not its streams.",
    });
    // CDK's log-retention function (one per stack) sets the retention of the
    // log group AppSync creates; it has no props for its role or policy.
    const logRetention = stack.node.children.find((child) => child.node.id.startsWith('LogRetention'));
    if (logRetention) {
      Validations.of(logRetention).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: "CDK's log-retention function writes its own logs with the basic Lambda execution policy; CDK offers no other role for it.",
        },
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason:
            "CDK's log-retention function may call only logs:PutRetentionPolicy and logs:DeleteRetentionPolicy, on the log " +
            'group named at deploy time; its policy is written by CDK with Resource "*".',
        },
      );
    }
    const tableResource = table.node.defaultChild as dynamodb.CfnTable;
    // both data sources may read and write the events table
    for (const dataSource of [this.dataSource, this.registrationsDataSource]) {
      Validations.of(dataSource).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(tableResource)}.Arn>/index/*]`,
        reason:
          "CDK's table.grantReadWriteData writes `<table>/index/*`: the events table's own global secondary indexes, " +
          'which listEvents queries; no other resource matches.',
      });
    }
  }

  private dataSourceNamed(name: string, user: string): appsync.BaseDataSource {
    const dataSources: Record<string, appsync.BaseDataSource> = {
      [EVENTS_DATA_SOURCE]: this.dataSource,
      [REGISTRATIONS_DATA_SOURCE]: this.registrationsDataSource,
      [NONE_DATA_SOURCE]: this.noneDataSource,
    };
    if (!Object.hasOwn(dataSources, name)) {
      throw new Error(
        `${user} names data source "${name}", but the API has only ${Object.keys(dataSources).map((known) => `"${known}"`).join(', ')}`,
      );
    }
    return dataSources[name];
  }

  private createFunctions(wiring: WiringToDeploy): Map<string, appsync.AppsyncFunction> {
    const functions = new Map<string, appsync.AppsyncFunction>();
    for (const fn of wiring.functions) {
      functions.set(
        fn.name,
        new appsync.AppsyncFunction(this, `Function.${fn.name}`, {
          api: this.api,
          name: fn.name,
          dataSource: this.dataSourceNamed(fn.dataSource, `function ${fn.name}`),
          runtime: RUNTIME,
          code: appsync.Code.fromAsset(functionBundle(wiring, fn)),
        }),
      );
    }
    return functions;
  }

  private createResolver(
    wiring: WiringToDeploy,
    resolver: ResolverWiring,
    functions: Map<string, appsync.AppsyncFunction>,
  ): void {
    const name = resolverName(resolver);
    const common = {
      api: this.api,
      typeName: resolver.typeName,
      fieldName: resolver.fieldName,
      runtime: RUNTIME,
      code: appsync.Code.fromAsset(resolverBundle(wiring, resolver)),
    };
    if (resolver.kind === 'UNIT') {
      new appsync.Resolver(this, `Resolver.${name}`, {
        ...common,
        dataSource: this.dataSourceNamed(resolver.dataSource, name),
      });
      return;
    }
    // checkWiring has already refused pipelines that name unknown functions.
    const pipelineConfig = resolver.functions.map((fn) => functions.get(fn) as appsync.AppsyncFunction);
    new appsync.Resolver(this, `Resolver.${name}`, { ...common, pipelineConfig });
  }
}
