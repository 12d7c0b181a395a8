import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_SIGNING_CREDENTIALS } from '../http/sigv4-signer.ts';
import type { DataSourceConfig } from '../start-appsync-api.ts';
import type { StackApi } from './api-from-stack.ts';
import { UsageError } from './pick-api.ts';

// The data sources `serve` gives startAppSyncApi for an API of a stack, with
// the endpoints of HTTP data sources replaced as `--http-endpoint NAME=URL`
// asks (an endpoint on AWS is rarely what a local run should call), and the
// banner lines that say where each one goes. Lambda functions get the local
// DynamoDB as their AWS SDK's DynamoDB endpoint (AWS_ENDPOINT_URL_DYNAMODB,
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html),
// so a function reading the API's tables reads the local ones.

/** The DynamoDB the API's tables are in. */
export interface LocalDynamoDB {
  client: DynamoDBClient;
  endpoint: string;
  /** a table's name in this DynamoDB, from its name in the template; default the same */
  localTableName?(tableName: string): string;
}

/** What DynamoDB Local (-sharedDb) accepts: any credentials, these let the SDK sign. */
const DYNAMODB_LOCAL_VARIABLES = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

/** `NAME=URL` options as a map, each NAME an HTTP data source of the API; a usage error otherwise. */
function endpointOverrides(api: StackApi, options: readonly string[]): Map<string, string> {
  const httpNames = api.serviceDataSources.filter((config) => config.type === 'HTTP').map((config) => config.name);
  const overrides = new Map<string, string>();
  for (const option of options) {
    const equals = option.indexOf('=');
    const name = option.slice(0, equals);
    const url = option.slice(equals + 1);
    if (equals <= 0 || !URL.canParse(url)) {
      throw new UsageError(`--http-endpoint takes DATASOURCE=URL, not ${option}`);
    }
    if (!httpNames.includes(name)) {
      throw new UsageError(`--http-endpoint ${name}: the API's HTTP data sources are ${httpNames.join(', ') || 'none'}`);
    }
    overrides.set(name, url);
  }
  return overrides;
}

function withLocalDynamoDB(config: DataSourceConfig, dynamodb: LocalDynamoDB | undefined): DataSourceConfig {
  if (config.type !== 'AWS_LAMBDA' || !dynamodb) {
    return config;
  }
  const environment = { ...DYNAMODB_LOCAL_VARIABLES, AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint, ...config.function.environment };
  return { ...config, function: { ...config.function, environment } };
}

/** Refuses `--http-endpoint` options that name no HTTP data source of the API, or no URL. */
export function checkHttpEndpoints(api: StackApi, httpEndpoints: readonly string[]): void {
  endpointOverrides(api, httpEndpoints);
}

/** `dynamodb`: where the API's tables are; undefined only for an API without tables. */
export function stackDataSources(
  api: StackApi,
  dynamodb: LocalDynamoDB | undefined,
  httpEndpoints: readonly string[] = [],
): DataSourceConfig[] {
  const overrides = endpointOverrides(api, httpEndpoints);
  if (api.tables.length > 0 && !dynamodb) {
    throw new Error(`${api.name} has tables: its data sources need the DynamoDB they are in`);
  }
  return [
    ...api.tables.map(
      ({ dataSource, table }): DataSourceConfig => ({
        type: 'AMAZON_DYNAMODB',
        name: dataSource,
        client: dynamodb!.client,
        table,
        tableName: dynamodb!.localTableName?.(table.name) ?? table.name,
      }),
    ),
    ...api.noneDataSources.map((name): DataSourceConfig => ({ type: 'NONE', name })),
    ...api.serviceDataSources.map((config) =>
      config.type === 'HTTP' && overrides.has(config.name)
        ? { ...config, endpoint: overrides.get(config.name)! }
        : withLocalDynamoDB(config, dynamodb),
    ),
  ];
}

function describe(config: DataSourceConfig): string | undefined {
  switch (config.type) {
    case 'AWS_LAMBDA':
      return `${config.name}: Lambda ${config.function.functionName} (${config.function.handler}, run in a worker thread)`;
    case 'HTTP':
      return `${config.name}: HTTP ${config.endpoint}${config.signing ? ` (SigV4 ${config.signing.region}/${config.signing.service})` : ''}`;
    case 'AMAZON_EVENTBRIDGE':
      return `${config.name}: EventBridge bus ${config.eventBusName} (events logged here, never sent)`;
    default:
      return undefined;
  }
}

/** Banner lines for the Lambda, HTTP and EventBridge data sources, and the credentials HTTP requests are signed with. */
export function dataSourceBanner(dataSources: DataSourceConfig[]): string[] {
  const lines = dataSources.flatMap((config) => describe(config) ?? []).map((line) => `Data source       ${line}`);
  if (dataSources.some((config) => config.type === 'HTTP' && config.signing)) {
    const { accessKeyId, secretAccessKey } = LOCAL_SIGNING_CREDENTIALS;
    lines.push(`HTTP signing      access key ${accessKeyId}, secret ${secretAccessKey} (local only)`);
  }
  return lines;
}
