import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiKey } from '../auth/api-key-authenticator.ts';
import type { AuthorizationType } from '../auth/authorization-modes.ts';
import type { TableDefinition, KeyAttribute } from '../dynamodb/table-definition.ts';
import type { FunctionCode, ResolverCode } from '../resolver-definitions.ts';
import type { DataSourceConfig } from '../start-appsync-api.ts';
import type { ApiSettings } from '../types.ts';
import { authConfigsOf, type LambdaAuthorizerConfig, type OidcProviderConfig } from './auth-from-stack.ts';
import { resolveIntrinsics, type IntrinsicScope } from './intrinsics.ts';
import { lambdaFunctionFromStack } from './lambda-from-stack.ts';
import type { AssemblyStack, TemplateResource } from './read-assembly.ts';
import { withDirectLambdaCode } from './direct-lambda-resolver.ts';
import { serviceDataSourceFromStack } from './service-data-source.ts';

// One AppSync API of a synthesized stack, as the local runtime serves it:
// schema, tables, data sources, resolver code and auth modes read from the
// template and its assets. What the runtime does not emulate is collected,
// each with where it is, so the API is refused as a whole rather than served
// with parts silently missing.

export interface UserPoolConfig {
  userPoolId: string;
  clientId: string;
  /** the pool's groups (`AWS::Cognito::UserPoolGroup`) */
  groups: string[];
}

export interface StackApi {
  name: string;
  schema: string;
  tables: { dataSource: string; table: TableDefinition }[];
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
  /** what is not emulated, one line each: what and where */
  unsupported: string[];
}

type Properties = Record<string, unknown>;

function scopeOf(stack: AssemblyStack): IntrinsicScope {
  const resources = stack.template.Resources ?? {};
  const parameters = stack.template.Parameters ?? {};
  return {
    ref(logicalId) {
      if (logicalId in parameters) {
        return String(parameters[logicalId].Default ?? '');
      }
      const resource = resources[logicalId];
      if (!resource) {
        return undefined;
      }
      const name = resource.Type === 'AWS::DynamoDB::Table' ? resource.Properties?.TableName : undefined;
      return typeof name === 'string' ? name : logicalId;
    },
  };
}

/** The logical ids of the stack's AppSync APIs, with their names. */
export function appSyncApisOf(stack: AssemblyStack): { logicalId: string; name: string }[] {
  return Object.entries(stack.template.Resources ?? {})
    .filter(([, resource]) => resource.Type === 'AWS::AppSync::GraphQLApi')
    .map(([logicalId, resource]) => ({
      logicalId,
      name: String(resolveIntrinsics(resource.Properties?.Name ?? logicalId, scopeOf(stack))),
    }));
}

function keyAttribute(properties: Properties, keySchema: unknown, keyType: string): KeyAttribute | undefined {
  const element = (keySchema as { AttributeName: string; KeyType: string }[]).find((key) => key.KeyType === keyType);
  if (!element) {
    return undefined;
  }
  const definitions = properties.AttributeDefinitions as { AttributeName: string; AttributeType: KeyAttribute['type'] }[];
  const type = definitions.find((definition) => definition.AttributeName === element.AttributeName)?.AttributeType ?? 'S';
  return { name: element.AttributeName, type };
}

function tableDefinition(name: string, properties: Properties): TableDefinition {
  const indexes = (properties.GlobalSecondaryIndexes ?? []) as { IndexName: string; KeySchema: unknown }[];
  return {
    name,
    partitionKey: keyAttribute(properties, properties.KeySchema, 'HASH')!,
    sortKey: keyAttribute(properties, properties.KeySchema, 'RANGE'),
    globalSecondaryIndexes: indexes.map((index) => ({
      indexName: index.IndexName,
      partitionKey: keyAttribute(properties, index.KeySchema, 'HASH')!,
      sortKey: keyAttribute(properties, index.KeySchema, 'RANGE'),
    })),
  };
}

/** Reads a stack's API; `apiLogicalId` picks it among the stack's APIs. */
export function apiFromStack(stack: AssemblyStack, apiLogicalId: string): StackApi {
  const scope = scopeOf(stack);
  const resources = Object.entries(stack.template.Resources ?? {}).map(
    ([logicalId, resource]): [string, TemplateResource & { Properties: Properties }] => [
      logicalId,
      { Type: resource.Type, Properties: resolveIntrinsics(resource.Properties ?? {}, scope) as Properties },
    ],
  );
  const unsupported: string[] = [];
  const ofApi = (type: string) =>
    resources.filter(
      ([, resource]) => resource.Type === type && String(resource.Properties.ApiId).split('.')[0] === apiLogicalId,
    );
  const codeDir = mkdtempSync(join(tmpdir(), 'appsync-local-code-'));

  function fileOf(where: string, properties: Properties, inline: string, s3: string): string | undefined {
    if (typeof properties[inline] === 'string') {
      const file = join(codeDir, `${where.replace(/[^A-Za-z0-9.]/g, '_')}.js`);
      writeFileSync(file, properties[inline] as string);
      return file;
    }
    const location = properties[s3];
    const objectKey = typeof location === 'string' ? location.replace(/^s3:\/\/[^/]+\//, '') : undefined;
    const file = objectKey === undefined ? undefined : stack.assetFiles.get(objectKey);
    if (!file) {
      unsupported.push(`${where}: no ${inline} and no asset for ${s3} ${String(location)}`);
    }
    return file;
  }

  const api = resources.find(([logicalId]) => logicalId === apiLogicalId)?.[1];
  if (!api) {
    throw new Error(`${stack.name} has no AppSync API ${apiLogicalId}`);
  }
  if (api.Properties.ApiType === 'MERGED') {
    unsupported.push(`${apiLogicalId}: merged APIs are not emulated`);
  }
  const [schemaResource] = ofApi('AWS::AppSync::GraphQLSchema');
  let schema = '';
  if (!schemaResource) {
    unsupported.push(`${apiLogicalId}: no AWS::AppSync::GraphQLSchema`);
  } else if (typeof schemaResource[1].Properties.Definition === 'string') {
    schema = schemaResource[1].Properties.Definition;
  } else {
    const file = fileOf(schemaResource[0], schemaResource[1].Properties, 'Definition', 'DefinitionS3Location');
    schema = file ? readFileSync(file, 'utf8') : '';
  }

  const tables: StackApi['tables'] = [];
  const noneDataSources: string[] = [];
  const serviceDataSources: DataSourceConfig[] = [];
  for (const [logicalId, { Properties: properties }] of ofApi('AWS::AppSync::DataSource')) {
    const name = String(properties.Name);
    const service = serviceDataSourceFromStack(name, properties, resources, stack.assetFiles);
    if (service && 'config' in service) {
      serviceDataSources.push(service.config);
    } else if (service) {
      unsupported.push(`data source ${name} (${logicalId}): ${service.unsupported}`);
    } else if (properties.Type === 'NONE') {
      noneDataSources.push(name);
    } else if (properties.Type === 'AMAZON_DYNAMODB') {
      const tableName = String((properties.DynamoDBConfig as Properties).TableName);
      const table = resources.find(
        ([tableId, resource]) => resource.Type === 'AWS::DynamoDB::Table' && scope.ref(tableId) === tableName,
      );
      if (table) {
        tables.push({ dataSource: name, table: tableDefinition(tableName, table[1].Properties) });
      } else {
        unsupported.push(`data source ${name} (${logicalId}): table ${tableName} is not defined in the stack`);
      }
    } else {
      unsupported.push(`data source ${name} (${logicalId}): type ${String(properties.Type)} is not emulated`);
    }
  }

  const lambdaDataSources = serviceDataSources.filter((config) => config.type === 'AWS_LAMBDA').map((config) => config.name);
  const functionNames = new Map<string, string>();
  const functions: FunctionCode[] = [];
  for (const [logicalId, template] of ofApi('AWS::AppSync::FunctionConfiguration')) {
    const properties = withDirectLambdaCode(template.Properties, lambdaDataSources);
    const name = String(properties.Name);
    functionNames.set(logicalId, name);
    if ((properties.Runtime as Properties | undefined)?.Name !== 'APPSYNC_JS') {
      unsupported.push(`function ${name} (${logicalId}): VTL mapping templates are not emulated`);
      continue;
    }
    const codeFile = fileOf(`function ${name} (${logicalId})`, properties, 'Code', 'CodeS3Location');
    if (codeFile) {
      const maxBatchSize = properties.MaxBatchSize as number | undefined;
      functions.push({ name, dataSource: String(properties.DataSourceName), codeFile, maxBatchSize });
    }
  }

  const resolvers: ResolverCode[] = [];
  for (const [logicalId, template] of ofApi('AWS::AppSync::Resolver')) {
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
    const codeFile = fileOf(where, properties, 'Code', 'CodeS3Location');
    if (!codeFile) {
      continue;
    }
    if (properties.Kind === 'PIPELINE') {
      const ids = ((properties.PipelineConfig as Properties).Functions as string[]).map((id) => id.split('.')[0]);
      resolvers.push({ kind: 'PIPELINE', typeName, fieldName, codeFile, functions: ids.map((id) => functionNames.get(id) ?? id) });
    } else {
      const maxBatchSize = properties.MaxBatchSize as number | undefined;
      resolvers.push({ kind: 'UNIT', typeName, fieldName, codeFile, dataSource: String(properties.DataSourceName), maxBatchSize });
    }
  }

  const providers = (api.Properties.AdditionalAuthenticationProviders ?? []) as Properties[];
  const defaultAuth = api.Properties.AuthenticationType as AuthorizationType;
  const userPoolConfig = [api.Properties, ...providers]
    .filter((provider) => provider.AuthenticationType === 'AMAZON_COGNITO_USER_POOLS')
    .map((provider) => provider.UserPoolConfig as Properties)[0];
  const authConfigs = authConfigsOf(apiLogicalId, api.Properties, (arn) =>
    lambdaFunctionFromStack(arn, resources, stack.assetFiles),
  );
  unsupported.push(...authConfigs.unsupported);
  const apiKeys = ofApi('AWS::AppSync::ApiKey').map(([logicalId, { Properties: properties }]) => ({
    key: `da2-local-${logicalId.toLowerCase()}`,
    expiresAt: typeof properties.Expires === 'number' ? new Date(properties.Expires * 1000) : undefined,
  }));
  return {
    name: String(api.Properties.Name ?? apiLogicalId),
    schema,
    tables,
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
      groups: resources
        .filter(([, resource]) => resource.Type === 'AWS::Cognito::UserPoolGroup')
        .filter(([, resource]) => resource.Properties.UserPoolId === userPoolConfig.UserPoolId)
        .map(([, resource]) => String(resource.Properties.GroupName)),
    },
    oidc: authConfigs.oidc,
    lambdaAuthorizer: authConfigs.lambdaAuthorizer,
    settings: {
      ...(typeof api.Properties.QueryDepthLimit === 'number' ? { queryDepthLimit: api.Properties.QueryDepthLimit } : {}),
      ...(typeof api.Properties.ResolverCountLimit === 'number' ? { resolverCountLimit: api.Properties.ResolverCountLimit } : {}),
      introspection: api.Properties.IntrospectionConfig !== 'DISABLED',
    },
    unsupported,
  };
}
