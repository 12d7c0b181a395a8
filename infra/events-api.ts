import {
  Expiration,
  aws_appsync as appsync,
  type aws_cognito as cognito,
  type aws_dynamodb as dynamodb,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { apiSettings, type Stage } from '../model/api-settings.ts';
import {
  BUNDLE_DIR,
  EVENTS_DATA_SOURCE,
  EVENTS_TABLE_ENV,
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
  /** the API key's value */
  readonly apiKey: string;

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
    this.dataSource = this.api.addDynamoDbDataSource('EventsDataSource', props.table, { name: EVENTS_DATA_SOURCE });
    this.registrationsDataSource = this.api.addDynamoDbDataSource('RegistrationsDataSource', props.registrationsTable, {
      name: REGISTRATIONS_DATA_SOURCE,
    });
    props.table.grantReadWriteData(this.registrationsDataSource);

    const functions = this.createFunctions(wiring);
    for (const resolver of wiring.resolvers) {
      this.createResolver(wiring, resolver, functions);
    }
  }

  private dataSourceNamed(name: string, user: string): appsync.BaseDataSource {
    const dataSources: Record<string, appsync.BaseDataSource> = {
      [EVENTS_DATA_SOURCE]: this.dataSource,
      [REGISTRATIONS_DATA_SOURCE]: this.registrationsDataSource,
    };
    if (!Object.hasOwn(dataSources, name)) {
      throw new Error(
        `${user} names data source "${name}", but the API has only ${Object.keys(dataSources).map((known) => `"${known}"`).join(' and ')}`,
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
