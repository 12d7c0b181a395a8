import { readFileSync } from 'node:fs';
import type { ApiKey } from '../auth/api-key-authenticator.ts';
import type { AuthorizationType } from '../auth/authorization-modes.ts';
import type { TableDefinition } from '../dynamodb/table-definition.ts';
import type { FunctionCode, ResolverCode } from '../resolver-definitions.ts';
import type { DataSourceConfig } from '../start-appsync-api.ts';
import type { ApiSettings } from '../types.ts';
import { authConfigsOf, type LambdaAuthorizerConfig, type OidcProviderConfig } from './auth-from-stack.ts';
import { withDirectLambdaCode } from './direct-lambda-resolver.ts';
import { codeFiles, type CodeFile } from './handler-code.ts';
import { lambdaFunctionFromStack, type ResolvedResource } from './lambda-from-stack.ts';
import type { LoadedAssembly, LoadedStack } from './load-assembly.ts';
import { localApiKey } from './resource-stand-ins.ts';
import { serviceDataSourceFromStack } from './service-data-source.ts';
import { assemblyTables, type AssemblyTable } from './table-resources.ts';

// One AppSync API of a synthesized cloud assembly, as the local runtime
// serves it: schema, tables, data sources, resolver code and auth modes read
// from the templates and assets of every stack that adds to it (an API's
// resolvers may live in a nested stack). What the runtime does not emulate is
// collected, each with where it is, so the API is refused as a whole rather
// than served with parts silently missing.

export interface UserPoolConfig {
  userPoolId: string;
  clientId: string;
  /** the pool's groups (`AWS::Cognito::UserPoolGroup`) */
  groups: string[];
}

export interface StackApi {
  name: string;
  schema: string;
  /** the DynamoDB data sources, with the table each one names */
  tables: { dataSource: string; table: TableDefinition }[];
  /** every table the API reaches: its data sources' and those its environment variables name */
  localTables: AssemblyTable[];
  noneDataSources: string[];
  /** Lambda, HTTP and EventBridge data sources, as startAppSyncApi takes them */
  serviceDataSources: DataSourceConfig[];
  resolvers: ResolverCode[];
  functions: FunctionCode[];
  defaultAuth: AuthorizationType;
  additionalAuth: AuthorizationType[];
  apiKeys: ApiKey[];
  userPool?: UserPoolConfig;
  /** the OPENID_CONNECT mode's provider */
  oidc?: OidcProviderConfig;
  /** the AWS_LAMBDA mode's authorizer */
  lambdaAuthorizer?: LambdaAuthorizerConfig;
  settings: Partial<ApiSettings>;
  /** `ctx.env`: the API's EnvironmentVariables, resolved (a table's Ref is its local name) */
  environmentVariables: Record<string, string>;
  /** what is not emulated, one line each: what and where */
  unsupported: string[];
}

/** An `AWS::AppSync::GraphQLApi` of the assembly. */
export interface AssemblyApi {
  stack: LoadedStack;
  logicalId: string;
  name: string;
  /** its stand-in ApiId, which its schema, resolvers and data sources name */
  apiId: string;
}

type Properties = Record<string, unknown>;
type ApiResource = [logicalId: string, resource: { Properties: Properties }, stack: LoadedStack];

/** The resources of a type in every stack of the assembly, with their properties resolved. */
function resourcesOfType(assembly: LoadedAssembly, type: string, belongs: (stack: LoadedStack, logicalId: string) => boolean = () => true): ApiResource[] {
  return assembly.stacks.flatMap((stack) =>
    [...stack.resources]
      .filter(([logicalId, resource]) => resource.Type === type && belongs(stack, logicalId))
      .map(([logicalId]): ApiResource => [logicalId, { Properties: stack.properties(logicalId) }, stack]),
  );
}

/**
 * The resources a Lambda function or event bus ARN may name, looked up
 * lazily (only the ones read get their properties resolved): `stack`'s own
 * first, then every other stack's, since a nested stack gets its parent's
 * functions as parameters.
 */
function resourcesNear(assembly: LoadedAssembly, stack: LoadedStack): ResolvedResource[] {
  const inStack = (of: LoadedStack) =>
    [...of.resources].map(([logicalId, resource]): ResolvedResource => [
      logicalId,
      {
        Type: resource.Type,
        get Properties() {
          return of.properties(logicalId);
        },
      },
    ]);
  return [stack, ...assembly.stacks.filter((other) => other !== stack)].flatMap(inStack);
}

/** Every AppSync API of the assembly, nested stacks' and Stages' included. */
export function appSyncApisOf(assembly: LoadedAssembly): AssemblyApi[] {
  return assembly.stacks.flatMap((stack) =>
    [...stack.resources]
      .filter(([, resource]) => resource.Type === 'AWS::AppSync::GraphQLApi')
      .map(([logicalId]) => ({
        stack,
        logicalId,
        name: String(stack.property(logicalId, 'Name') ?? logicalId),
        apiId: String(stack.scope.getAtt(logicalId, 'ApiId')),
      })),
  );
}

/** Reads one API of the assembly. */
export function apiFromStack(assembly: LoadedAssembly, api: AssemblyApi): StackApi {
  const unsupported: string[] = [];
  const ofApi = (type: string) =>
    resourcesOfType(assembly, type, (stack, logicalId) => stack.property(logicalId, 'ApiId') === api.apiId);
  const files = codeFiles();
  // asset keys are content hashes: one map for the whole assembly cannot mix two assets up; the stacks of
  // one (nested) assembly directory share that directory's map, so each map is read once
  const assetFiles = new Map([...new Set(assembly.stacks.map((stack) => stack.assetFiles))].flatMap((files) => [...files]));
  function fileOf(stack: LoadedStack, where: string, properties: Properties, inline: string, s3: string): string | undefined {
    const code: CodeFile = files.of(stack, where, properties, inline, s3);
    if ('problem' in code) {
      unsupported.push(code.problem);
      return undefined;
    }
    return code.file;
  }

  const apiLogicalId = api.logicalId;
  const apiProperties = api.stack.properties(apiLogicalId);
  if (apiProperties.ApiType === 'MERGED') {
    unsupported.push(`${apiLogicalId}: merged APIs are not emulated`);
  }
  const [schemaResource] = ofApi('AWS::AppSync::GraphQLSchema');
  let schema = '';
  if (!schemaResource) {
    unsupported.push(`${apiLogicalId}: no AWS::AppSync::GraphQLSchema`);
  } else if (typeof schemaResource[1].Properties.Definition === 'string') {
    schema = schemaResource[1].Properties.Definition;
  } else {
    const file = fileOf(schemaResource[2], schemaResource[0], schemaResource[1].Properties, 'Definition', 'DefinitionS3Location');
    schema = file ? readFileSync(file, 'utf8') : '';
  }

  const tablesByName = new Map(assemblyTables(assembly).map((table) => [table.tableName, table]));
  const tables: StackApi['tables'] = [];
  const noneDataSources: string[] = [];
  const serviceDataSources: DataSourceConfig[] = [];
  for (const [logicalId, { Properties: properties }, stack] of ofApi('AWS::AppSync::DataSource')) {
    const name = String(properties.Name);
    const service = serviceDataSourceFromStack(name, properties, resourcesNear(assembly, stack), assetFiles);
    if (service && 'config' in service) {
      serviceDataSources.push(service.config);
    } else if (service) {
      unsupported.push(`data source ${name} (${logicalId}): ${service.unsupported}`);
    } else if (properties.Type === 'NONE') {
      noneDataSources.push(name);
    } else if (properties.Type === 'AMAZON_DYNAMODB') {
      const tableName = String((properties.DynamoDBConfig as Properties).TableName);
      const table = tablesByName.get(tableName);
      if (table) {
        tables.push({ dataSource: name, table: table.definition });
      } else {
        unsupported.push(`data source ${name} (${logicalId}): table ${tableName} is not defined in the assembly`);
      }
    } else {
      unsupported.push(`data source ${name} (${logicalId}): type ${String(properties.Type)} is not emulated`);
    }
  }

  const lambdaDataSources = serviceDataSources.filter((config) => config.type === 'AWS_LAMBDA').map((config) => config.name);
  const functionNames = new Map<string, string>();
  const functions: FunctionCode[] = [];
  for (const [logicalId, template, stack] of ofApi('AWS::AppSync::FunctionConfiguration')) {
    const properties = withDirectLambdaCode(template.Properties, lambdaDataSources);
    const name = String(properties.Name);
    functionNames.set(String(stack.scope.getAtt(logicalId, 'FunctionId')), name);
    if ((properties.Runtime as Properties | undefined)?.Name !== 'APPSYNC_JS') {
      unsupported.push(`function ${name} (${logicalId}): VTL mapping templates are not emulated`);
      continue;
    }
    const codeFile = fileOf(stack, `function ${name} (${logicalId})`, properties, 'Code', 'CodeS3Location');
    if (codeFile) {
      const maxBatchSize = properties.MaxBatchSize as number | undefined;
      functions.push({ name, dataSource: String(properties.DataSourceName), codeFile, maxBatchSize });
    }
  }

  const resolvers: ResolverCode[] = [];
  for (const [logicalId, template, stack] of ofApi('AWS::AppSync::Resolver')) {
    const properties = withDirectLambdaCode(template.Properties, lambdaDataSources);
    const typeName = String(properties.TypeName);
    const fieldName = String(properties.FieldName);
    const where = `resolver ${typeName}.${fieldName} (${logicalId})`;
    if ((properties.Runtime as Properties | undefined)?.Name !== 'APPSYNC_JS') {
      unsupported.push(`${where}: VTL mapping templates are not emulated`);
      continue;
    }
    if (properties.CachingConfig) {
      unsupported.push(`${where}: caching is not emulated`);
    }
    const codeFile = fileOf(stack, where, properties, 'Code', 'CodeS3Location');
    if (!codeFile) {
      continue;
    }
    if (properties.Kind === 'PIPELINE') {
      const ids = (properties.PipelineConfig as Properties).Functions as string[];
      resolvers.push({ kind: 'PIPELINE', typeName, fieldName, codeFile, functions: ids.map((id) => functionNames.get(id) ?? id) });
    } else {
      const maxBatchSize = properties.MaxBatchSize as number | undefined;
      resolvers.push({ kind: 'UNIT', typeName, fieldName, codeFile, dataSource: String(properties.DataSourceName), maxBatchSize });
    }
  }

  const providers = (apiProperties.AdditionalAuthenticationProviders ?? []) as Properties[];
  const defaultAuth = apiProperties.AuthenticationType as AuthorizationType;
  const userPoolConfig = [apiProperties, ...providers]
    .filter((provider) => provider.AuthenticationType === 'AMAZON_COGNITO_USER_POOLS')
    .map((provider) => provider.UserPoolConfig as Properties)[0];
  const authConfigs = authConfigsOf(apiLogicalId, apiProperties, (arn) =>
    lambdaFunctionFromStack(arn, resourcesNear(assembly, api.stack), assetFiles),
  );
  unsupported.push(...authConfigs.unsupported);
  const apiKeys = ofApi('AWS::AppSync::ApiKey').map(([logicalId, { Properties: properties }]) => ({
    key: localApiKey(logicalId),
    expiresAt: typeof properties.Expires === 'number' ? new Date(properties.Expires * 1000) : undefined,
  }));
  const environmentVariables = Object.fromEntries(
    Object.entries((apiProperties.EnvironmentVariables ?? {}) as Properties).map(([name, value]) => [name, String(value)]),
  );
  const reached = new Set([...tables.map(({ table }) => table.name), ...Object.values(environmentVariables)]);
  return {
    name: api.name,
    schema,
    tables,
    localTables: [...tablesByName.values()].filter((table) => reached.has(table.tableName)),
    noneDataSources,
    serviceDataSources,
    resolvers,
    functions,
    defaultAuth,
    additionalAuth: providers.map((provider) => provider.AuthenticationType as AuthorizationType),
    apiKeys,
    userPool: userPoolConfig && {
      userPoolId: String(userPoolConfig.UserPoolId),
      clientId: String(userPoolConfig.AppIdClientRegex ?? 'local-client').replace(/^\^|\$$/g, ''),
      groups: resourcesOfType(assembly, 'AWS::Cognito::UserPoolGroup')
        .filter(([, resource]) => resource.Properties.UserPoolId === userPoolConfig.UserPoolId)
        .map(([, resource]) => String(resource.Properties.GroupName)),
    },
    oidc: authConfigs.oidc,
    lambdaAuthorizer: authConfigs.lambdaAuthorizer,
    settings: {
      ...(typeof apiProperties.QueryDepthLimit === 'number' ? { queryDepthLimit: apiProperties.QueryDepthLimit } : {}),
      ...(typeof apiProperties.ResolverCountLimit === 'number' ? { resolverCountLimit: apiProperties.ResolverCountLimit } : {}),
      introspection: apiProperties.IntrospectionConfig !== 'DISABLED',
    },
    environmentVariables,
    unsupported,
  };
}
